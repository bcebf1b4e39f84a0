#!/usr/bin/env bash
# Updates the vendored Designsystemet (ADR-016) from the npm registry: the component CSS of @digdir/designsystemet-css
# and our theme, built from scripts/designsystemet.config.json by the @digdir/designsystemet CLI. Run by hand when
# updating; the build and the tests use the vendored files only, so nothing here needs Node at build time.
# Versions: DS_CSS_VERSION and DS_CLI_VERSION (the defaults are what is vendored now).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
css_version="${DS_CSS_VERSION:-1.22.0}"
cli_version="${DS_CLI_VERSION:-1.15.0}"
target="$root/src/GemensamNamnd.Web/wwwroot/lib/designsystemet"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "@digdir/designsystemet-css@$css_version" >/dev/null
mkdir css && tar xzf digdir-designsystemet-css-*.tgz -C css
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "@digdir/designsystemet@$cli_version" >/dev/null
cp "$root/scripts/designsystemet.config.json" designsystemet.config.json
npx --no-install designsystemet tokens create --config designsystemet.config.json >/dev/null
npx --no-install designsystemet tokens build --config designsystemet.config.json -o build >/dev/null

mkdir -p "$target"
cp css/package/dist/src/index.css "$target/designsystemet.css"
cp build/gemensamnamnd.css "$target/theme.css"
cp css/package/LICENSE "$target/LICENSE"
cat > "$target/VERSION" <<INFO
@digdir/designsystemet-css $css_version (designsystemet.css, LICENSE: MIT)
@digdir/designsystemet $cli_version (theme.css, built from scripts/designsystemet.config.json)
Updated by scripts/update-designsystemet.sh on $(date -u +%Y-%m-%d).
INFO
echo "Designsystemet updated in ${target#"$root"/}: css $css_version, theme by CLI $cli_version"
