#!/bin/busybox sh
# PID 1 of the VM guest (QEMU here, Firecracker on KVM hosts: same kernel, initramfs and drives).
# Drives: vda rootfs (ro), vdb workspace (ro), vdc results (raw tar stream, no filesystem, so the
# host reads it without mounting), vdd secret (raw: token line, then zeros). Runs the runner as
# uid 2000 with the token on stdin, writes results, powers off. Never prints the token.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
arg() { for a in $(cat /proc/cmdline); do case "$a" in "$1"=*) echo "${a#*=}"; return;; esac; done; echo "$2"; }
die() { echo "[guest] FAIL: $*"; echo "guest $*" > /tmp/fail; poweroff -f; }
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci virtio_mmio virtio_blk failover net_failover virtio_net; do
  [ -f /lib/modules/$m.ko ] && insmod /lib/modules/$m.ko 2>/dev/null
done
i=0
while [ ! -b /dev/vdd ] && [ $i -lt 500 ]; do usleep 10000; i=$((i+1)); done
[ -b /dev/vdd ] || die "drives vda..vdd not found"
echo "[guest] drives up"
mkdir -p /newroot
mount -t ext4 -o ro /dev/vda /newroot || die "cannot mount rootfs"
mount -t ext4 -o ro,nosuid,nodev,noexec /dev/vdb /newroot/workspace-src || die "cannot mount workspace"
mount -t tmpfs -o size=$(arg alphacore.work 268435456),uid=2000,gid=2000,mode=0700,nosuid,nodev tmpfs /newroot/work
mount -t tmpfs -o size=$(arg alphacore.results 33554432),uid=2000,gid=2000,mode=0700,nosuid,nodev tmpfs /newroot/results
mount -t tmpfs -o size=64m,mode=1777,nosuid,nodev tmpfs /newroot/tmp
mount -t proc -o nosuid,nodev,noexec proc /newroot/proc
mount -t tmpfs -o size=64k,mode=0755,nosuid tmpfs /newroot/dev
mknod -m 666 /newroot/dev/null c 1 3
mknod -m 666 /newroot/dev/zero c 1 5
mknod -m 666 /newroot/dev/random c 1 8
mknod -m 666 /newroot/dev/urandom c 1 9
ip link set lo up
# alphacore.net=<guest cidr>,<router>,<dns+proxy address>,<proxy port>: the host's run namespace
# forwards only DNS and the proxy port to the gateway, so these settings are a convenience for
# terraform, not the policy. Absent: the guest has no NIC at all.
net=$(arg alphacore.net "")
if [ -n "$net" ]; then
  IFS=, read -r gcidr router svc pport <<EOF
$net
EOF
  i=0
  while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 300 ]; do usleep 10000; i=$((i+1)); done
  [ -e /sys/class/net/eth0 ] || die "network requested but no eth0 (virtio_net missing?)"
  ip addr add "$gcidr" dev eth0 && ip link set eth0 up && ip route add default via "$router" || die "cannot configure eth0"
  printf 'nameserver %s\noptions timeout:2 attempts:2\n' "$svc" > /resolv.conf
  chmod 0644 /resolv.conf
  mount --bind /resolv.conf /newroot/etc/resolv.conf || echo "[guest] WARN: rootfs has no /etc/resolv.conf; DNS only through the proxy"
  export HTTPS_PROXY="http://$svc:$pport" https_proxy="http://$svc:$pport" HTTP_PROXY="http://$svc:$pport" http_proxy="http://$svc:$pport"
  echo "[guest] net up $gcidr via $router"
fi
IFS= read -r tok < /dev/vdd
export HOME=/work PATH=/opt/alphacore/bin:/usr/local/bin:/usr/bin:/bin TF_CLI_CONFIG_FILE=/etc/alphacore/terraform.rc
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 GCE_METADATA_HOST=127.0.0.1 NO_GCE_CHECK=True
export ALPHACORE_RESULTS=/results ALPHACORE_LOG_CAP=$(arg alphacore.logcap 262144)
echo "[guest] runner start"
echo "$tok" | chroot /newroot /bin/su -p -s /bin/sh tf-runner -c "/bin/sh /runner.sh"
rc=$?
tok=
echo "[guest] runner exit $rc"
echo "$rc" > /newroot/results/exit
tar -cf /dev/vdc -C /newroot/results . || echo "[guest] cannot write results"
sync
poweroff -f
