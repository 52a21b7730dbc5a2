/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const defaultFooter = '本邮件由信报系统自动发送，请勿直接回复。';

/**
 * The frame every mail shares: readable on a phone (one column, system Chinese fonts, inline
 * styles only, since mail clients drop style sheets). `content` is HTML its caller escaped;
 * `footer` is plain text.
 */
export function mailPage(
  subject: string,
  content: string,
  options: { width?: number; footer?: string } = {},
): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f5f5f5;">
<div style="max-width:${options.width ?? 600}px;margin:0 auto;padding:16px;background:#ffffff;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:16px;line-height:1.6;color:#222;">
${content}
<p style="margin:16px 0 0;font-size:13px;color:#888;">${escapeHtml(options.footer ?? defaultFooter)}</p>
</div>
</body>
</html>`;
}
