#!/usr/bin/env bash
# Re-runs the choice of the recent level's averaging window (NoiseFloorRule.LEVEL_WINDOW): for each
# candidate, a scratch worktree of HEAD with that window replays NASA-1995 in the scaling lab, and
# the sum over the 12 NASA cells of the best validation minutes ("Floor families on the training
# part": training data only) is printed. The fewest wins. About 2.5 minutes a candidate on 2 cores.
#   hack/lab-level-window.sh [minutes ...]   (default: 5 10 20 30 45 60)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
REPO="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
OUT="${OUT:-$REPO/lab/target/level-window}"
CANDIDATES=("${@:-5 10 20 30 45 60}")
read -r -a CANDIDATES <<<"${CANDIDATES[*]}"
SCRATCH="$(mktemp -d)"
trap 'git -C "$REPO" worktree remove --force "$SCRATCH/tree" >/dev/null 2>&1 || true; rm -rf "$SCRATCH"' EXIT
git -C "$REPO" worktree add -q --detach "$SCRATCH/tree" HEAD
RULE="$SCRATCH/tree/engine/src/main/java/io/scalableapp/engine/floor/NoiseFloorRule.java"
mkdir -p "$OUT"
for minutes in "${CANDIDATES[@]}"; do
  sed -i -E "s/LEVEL_WINDOW = Duration.ofMinutes\([0-9]+\);/LEVEL_WINDOW = Duration.ofMinutes($minutes);/" "$RULE"
  grep -q "LEVEL_WINDOW = Duration.ofMinutes($minutes);" "$RULE" || { log "could not set LEVEL_WINDOW in $RULE"; exit 1; }
  (cd "$SCRATCH/tree" && mvn -B -ntp -q -pl engine,lab -am package -DskipTests -Dspotless.check.skip=true >/dev/null)
  (cd "$SCRATCH/tree" && java -cp "lab/target/classes:$(cat lab/target/classpath.txt)" \
    io.scalableapp.lab.ScalingLab --only NASA-1995 --no-published --out "$OUT/level-$minutes" >/dev/null)
  # Best (fewest) validation minutes per scenario, HPA variant and budget, over every floor family
  # but the perfect-forecast ceiling; summed over the cells.
  awk -F'|' -v minutes="$minutes" '
    /^### Floor families on the training part/ { on = 1; next }
    /^#/ { on = 0 }
    on && /^\| NASA/ && $4 !~ /perfect/ {
      for (b = 5; b <= 7; b++) {
        split($b, v, " "); if (v[1] !~ /^[0-9.]+$/) continue
        key = $2 "|" $3 "|" b
        if (!(key in best) || v[1] + 0 < best[key]) best[key] = v[1] + 0
      }
    }
    END { n = 0; for (k in best) { sum += best[k]; n++ }
          printf "level window %3d min: %8.1f validation minutes summed over %d NASA cells\n", minutes, sum, n }
  ' "$OUT/level-$minutes/README.md"
done
