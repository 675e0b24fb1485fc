# Shared by the packaging scripts (sourced, not run).

# Waits up to $2 seconds for a line matching $3 in file $1; on time-out, or as soon as the process
# $4 (if given) has ended without it, prints the file and fails.
wait_for() {
  for _ in $(seq 1 $(($2 * 10))); do
    grep -q "$3" "$1" 2>/dev/null && return 0
    if [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null; then
      grep -q "$3" "$1" 2>/dev/null && return 0
      echo "the process ended without '$3' in $1:" >&2
      cat "$1" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "no '$3' within $2 s in $1:" >&2
  cat "$1" >&2
  return 1
}
