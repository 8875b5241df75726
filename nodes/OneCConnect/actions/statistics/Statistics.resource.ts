import { PERIOD, callOperation as call, id, readOperation as read, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

export const statistics = typedResource({
	value: 'statistics',
	name: 'Statistic',
	operations: [
		read('getStartPictures', 'Get Start Pictures', 'StartPictureRead', 'start pictures', []),
		read(
			'getStartPictureClicks',
			'Get Start Picture Clicks',
			'StartPictureClicksHistoryRead',
			'start picture views and clicks',
			[...PERIOD, text('StartPictureID')],
		),
		read(
			'getStorefrontProducts',
			'Get Storefront Products',
			'StorefrontProductsRead',
			'storefront products',
			[],
		),
		read(
			'getStorefrontProductClicks',
			'Get Storefront Product Clicks',
			'StorefrontProductClicksHistoryRead',
			'storefront product views and clicks',
			[...PERIOD, text('ProductID')],
		),
		read(
			'getClientUsage',
			'Get Client Usage',
			'GetClientUsageStatistics',
			'client usage statistics',
			[...PERIOD, text('ClientID')],
		),
		read(
			'getBuyRequests',
			'Get Buy Requests',
			'StorefrontProductBuyRequestsGet',
			'storefront buy requests',
			PERIOD,
		),
		call(
			'acceptBuyRequest',
			'Accept Buy Request',
			'StorefrontProductBuyRequestAccept',
			'Accept a storefront buy request',
			[id('RequestID')],
			{ effect: 'write' },
		),
		call(
			'refuseBuyRequest',
			'Refuse Buy Request',
			'StorefrontProductBuyRequestRefuse',
			'Refuse a storefront buy request',
			[id('RequestID'), text('Comment', 'Why it is refused')],
			{ effect: 'write' },
		),
	],
});
