/** `archive rebuild`: regenerates the whole public archive site from the table. */
import { archivePublisherFromEnvironment } from '../../shared/archive/environment';
import { tableFromEnvironment } from '../../shared/store/dynamo/client';
import type { Print } from './commands';
import { progressBar } from './progress';

export async function archiveRebuild(print: Print): Promise<void> {
  const { publisher, bucket } = archivePublisherFromEnvironment(tableFromEnvironment());
  const bar = progressBar('重建档案网站（期）');
  const result = await publisher.rebuild((done, total) => bar.update(done, total)).finally(() => bar.stop());
  print(`已重建档案网站：写入 ${result.written} 个对象（存储桶 ${bucket}）`);
}
