import { type InjectionKey, inject } from 'vue';
import type { ApiClient } from './api/client';

export const apiKey: InjectionKey<ApiClient> = Symbol('api');

/** The API client provided by main.ts (a component test provides its own). */
export function useApi(): ApiClient {
  const api = inject(apiKey);
  if (!api) throw new Error('the API client was not provided');
  return api;
}
