#!/usr/bin/env bash
# Reads the logs of every suite in $1, fails if any suite ran no test or had
# a failure, and prints one closing line: "tests: N passed, N failed".
set -euo pipefail
dir=$1
total_pass=0
total_fail=0
status=0
for suite in native browser e2e; do
  log="$dir/$suite.log"
  if [ ! -f "$log" ]; then
    echo "suite $suite: no log (it did not run)" >&2; status=1; continue
  fi
  case $suite in
    e2e)
      pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log" | tail -n1)
      fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$log" | tail -n1) ;;
    *)
      pass=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
      fail=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$log" | awk '{s += $6} END {print s + 0}') ;;
  esac
  pass=${pass:-0}; fail=${fail:-0}
  echo "suite $suite: $pass passed, $fail failed"
  [ "$pass" -gt 0 ] || { echo "suite $suite ran no test" >&2; status=1; }
  [ "$fail" -eq 0 ] || status=1
  total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail))
done
echo "tests: $total_pass passed, $total_fail failed"
exit $status
