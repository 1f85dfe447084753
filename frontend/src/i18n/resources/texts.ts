/** The shape of a translation of `T`: the same keys, any strings (not the Chinese literals). */
export type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
