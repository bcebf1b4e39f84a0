#!/usr/bin/env bash
# The README's screenshots (issue 16), made anew: the request list and a case page as Bo Berglund (the demo DPO) sees
# them at 1,280 px, from the embedded app (SQLite, demo data) on a throwaway database. Debian's Chromium is driven by
# the Playwright driver that the test project's build ships (its own Node), so nothing else is installed.
# Usage: scripts/screenshots.sh [out-dir=docs/screenshots]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(cd "$root" && mkdir -p "${1:-docs/screenshots}" && cd "${1:-docs/screenshots}" && pwd)"
cd "$root"
dotnet build tests/GemensamNamnd.Web.Tests -v q -nologo >/dev/null
driver="$root/tests/GemensamNamnd.Web.Tests/bin/Debug/net10.0/.playwright"
work="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
ConnectionStrings__App="Data Source=$work/demo.db" Mail__PickupDirectory="$work/mail" \
  dotnet run --no-build --project src/GemensamNamnd.Web --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 1; done

cat >"$work/shoot.mjs" <<JS
import { chromium } from '$driver/package/index.mjs';
const browser = await chromium.launch({ executablePath: process.env.GN_TEST_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ baseURL: 'http://127.0.0.1:$port', locale: 'sv-SE', viewport: { width: 1280, height: 800 } });
await page.goto('/demo/logga-in');
await page.getByRole('button', { name: 'Logga in som Bo Berglund' }).click();
await page.goto('/ostersund/begaranden');
await page.screenshot({ path: '$out/begaranden.png' });
const href = await page.locator('table a[href*="/begaranden/"]').first().getAttribute('href');
await page.goto(href);
await page.screenshot({ path: '$out/arende.png' });
await browser.close();
JS
"$driver/node/linux-x64/node" "$work/shoot.mjs"
echo "Screenshots in ${out#"$root"/}: begaranden.png, arende.png"
