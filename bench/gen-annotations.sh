#!/bin/sh
# A large annotations file for benchmarks: N annotations of real passages of
# the bundled content (so that each one anchors exactly), spread over five
# narratives, each with its own id, note and times.
#   bench/gen-annotations.sh TIPR N OUT
# TIPR makes the few seed annotations (tipr notes add); they are then cloned.
set -eu
tipr=$1 count=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
add() { "$tipr" notes add "$@" --note "seed" >/dev/null; }
add korea-north 2021 prosecution --quote "The government did not report any law enforcement efforts."
add korea-north 2021 protection --quote "The government did not report any protection efforts."
add korea-north 2021 prevention --quote "The government did not report any efforts to prevent trafficking."
add korea-north 2022 prosecution --quote "Fair trials did not occur in the DPRK"
add kenya 2022 profile --quote "traffickers increasingly exploited children in sex trafficking"
add korea-south 2022 overview --quote "The Government of the Republic of Korea (ROK)"
add korea-south 2022 prosecution --quote "The government maintained its anti-trafficking law enforcement efforts"
add korea-north 2023 overview --quote "does not fully meet the minimum standards"
mkdir -p "$(dirname "$out")"
# Each seed entry is the block from "- id:" to the next; clones get a
# counter as id, a note of their own and times a millisecond apart.
awk -v count="$count" '
	/^- id: / { n++ }
	n > 0 && !/^- id: / && !/^  note: / && !/^  (created|updated): / { body[n] = body[n] $0 "\n" }
	END {
		print "version: 1"
		print "annotations:"
		for (i = 0; i < count; i++) {
			ms = i % 1000; s = int(i / 1000) % 60; m = int(i / 60000) % 60
			stamp = sprintf("2026-01-01T10:%02d:%02d.%03dZ", m, s, ms)
			printf "- id: %012x\n%s", i + 1, body[i % n + 1]
			printf "  note: \"note %d on this passage\"\n", i
			printf "  created: %s\n  updated: %s\n", stamp, stamp
		}
	}' "$XDG_DATA_HOME/tipr/annotations.yaml" >"$out"
