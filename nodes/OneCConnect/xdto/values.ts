/** The JSON form of XDTO values, shared by the codec and the streaming value reader. */
export type XdtoScalarType = 'string' | 'decimal' | 'boolean' | 'dateTime';
export type XdtoJson = string | number | boolean | null | XdtoJson[] | { [key: string]: XdtoJson };
export type XdtoObject = { [key: string]: XdtoJson };
