import type { WordRenderRequest } from '#functions/word-renderer/request';
import { parseWordRenderAnswer } from '#functions/word-renderer/request';
import { envNames, readConfig } from '../../config';
import type { Bulletin } from '../../schemas/bulletins';
import { lambdaCaller, type SyncInvoker } from './sync-invoke';

export const wordRendererFunctionEnv = envNames.wordRendererFunctionName;

/**
 * The issue's .docx, made by the Word renderer function (functions/word-renderer) through a
 * synchronous invoke, so the publishing bundle carries no docx. WORD_RENDERER_FUNCTION_NAME is
 * read on the first render, so a missing name fails that publication only.
 */
export function wordRendererFromEnvironment(invoke: SyncInvoker = lambdaCaller()) {
  return async (
    bulletin: Bulletin,
    options: { officeName: string; includeInternal: boolean },
  ): Promise<Buffer> => {
    const request: WordRenderRequest = { kind: 'bulletin-docx', bulletin, ...options };
    return parseWordRenderAnswer(await invoke(readConfig('wordRendererFunctionName'), request));
  };
}
