/**
 * The API docs page. Swagger UI's assets are served by the frontend build under
 * `/vendor/swagger-ui/` on the same origin (CloudFront on AWS, the gateway locally).
 */
export function docsPage(openApiUrl: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>CityRisk API 文档</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: ${JSON.stringify(openApiUrl)}, dom_id: "#swagger-ui" });</script>
</body>
</html>`;
}
