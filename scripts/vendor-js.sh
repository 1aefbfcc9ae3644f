#!/usr/bin/env bash
# Install the web view's JavaScript libraries from the npm registry and copy their
# built files (and licences) into the Python package, so that the web view works
# offline: nothing is loaded from a CDN at run time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/web"
npm install --no-audit --no-fund --silent
vendor="$root/src/lagebild/web/static/vendor"
mkdir -p "$vendor"
cp node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js "$vendor/"
cp node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css "$vendor/"
cp node_modules/vis-timeline/LICENSE.MIT.txt "$vendor/vis-timeline.LICENSE.txt"
cp node_modules/cytoscape/dist/cytoscape.min.js "$vendor/"
cp node_modules/cytoscape/LICENSE "$vendor/cytoscape.LICENSE.txt"
echo "vendored into $vendor:"; ls -1 "$vendor"
