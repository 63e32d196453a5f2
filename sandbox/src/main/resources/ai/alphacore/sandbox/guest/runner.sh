#!/bin/sh
# AlphaCore guest runner: the same script under bwrap and inside the VM guest. Validator-authored:
# the miner's files are data here, never code. The token arrives as one line on stdin; it is
# given to `terraform apply` only, never to init, never to a file. Results go to $ALPHACORE_RESULTS.
# Exit codes: 0 ok, 10 workspace copy failed, 11 init failed, 12 refresh failed, 13 no state.
R=${ALPHACORE_RESULTS:-/results}
CAP=${ALPHACORE_LOG_CAP:-262144}
now() { read -r up rest < /proc/uptime; echo "$up"; }
stage() { echo "$1 $2 $3 $4" >> "$R/stages"; }
IFS= read -r tok || true
exec < /dev/null

s=$(now)
# Skip ext4's lost+found (root-only) on the VM's workspace drive.
for f in /workspace-src/* /workspace-src/.[!.]*; do
  [ -e "$f" ] || continue
  [ "$f" = /workspace-src/lost+found ] && continue
  if ! cp -R "$f" /work/; then stage copy 1 "$s" "$(now)"; exit 10; fi
done
cd /work || exit 10

s=$(now)
terraform init -backend=false -input=false -no-color > /work/.init.log 2>&1
rc=$?
e=$(now)
head -c "$CAP" /work/.init.log > "$R/init.log"
stage init "$rc" "$s" "$e"
[ "$rc" -eq 0 ] || exit 11

s=$(now)
if [ -n "$tok" ]; then
  GOOGLE_OAUTH_ACCESS_TOKEN="$tok" terraform apply -refresh-only -auto-approve -input=false -no-color > /work/.refresh.log 2>&1
else
  terraform apply -refresh-only -auto-approve -input=false -no-color > /work/.refresh.log 2>&1
fi
rc=$?
e=$(now)
tok=
head -c "$CAP" /work/.refresh.log > "$R/refresh.log"
stage refresh "$rc" "$s" "$e"
[ "$rc" -eq 0 ] || exit 12
[ -f /work/terraform.tfstate ] || exit 13
cp /work/terraform.tfstate "$R/terraform.tfstate" || exit 13
exit 0
