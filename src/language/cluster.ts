// `cluster NAME { … }`: the one block of a file.

export const cluster = { keyword: 'cluster' } as const;
