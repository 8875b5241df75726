/** Where PartnerWebAPI2 lives. No n8n imports: the credential builds its test request from it. */
export const REGION_URLS: Record<string, string> = {
	russia: 'https://cus.1c-connect.com/cus/ws/PartnerWebAPI2',
	eu: 'https://eu-cus.1c-connect.com/cus/ws/PartnerWebAPI2',
};

export function endpointOf(credentials: { region?: unknown; customUrl?: unknown }): string {
	if (credentials.region === 'custom') return String(credentials.customUrl ?? '').trim();
	return REGION_URLS[String(credentials.region)] ?? REGION_URLS.russia;
}
