/** Key layout of the one table (see shared/catalogue/table.ts for the indexes). */
export const keys = {
  unit: (id: string) => ({ pk: 'UNITS', sk: `UNIT#${id}` }),
  unitsPartition: 'UNITS',
  token: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: 'TOKEN' }),
  tokenIndex: (tokenId: string) => ({ gsi1pk: 'TOKENS', gsi1sk: `TOKEN#${tokenId}` }),
  tokensPartition: 'TOKENS',
  jobRun: (job: string, scheduledTime: string) => ({ pk: `JOB#${job}`, sk: `RUN#${scheduledTime}` }),
  jobPartition: (job: string) => `JOB#${job}`,
} as const;
