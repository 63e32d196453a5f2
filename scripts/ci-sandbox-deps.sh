#!/usr/bin/env bash
# Installs what the sandbox module's tests need on a clean Debian 12 CI machine (root), and
# extracts the QEMU guest kernel and virtio modules from Debian's cloud kernel package.
# Idempotent: installed packages and an extracted kernel are kept. Cost on a clean machine:
# about 15 s of apt-get plus about 10 s to download (27 MB) and unpack the kernel.
# Terraform is NOT installed (no reachable registry ships it); tests that need it say so.
set -euo pipefail

home=${ALPHACORE_SANDBOX_HOME:-/var/lib/alphacore-sandbox}
pkgs=(bubblewrap qemu-system-x86 busybox-static tinyproxy-bin dnsmasq-base debootstrap iptables
      e2fsprogs cpio lz4 iproute2 util-linux procps curl ca-certificates)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci-sandbox-deps: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

kdir="$home/kernel"
if [ ! -s "$kdir/vmlinux" ] || [ ! -d "$kdir/modules" ]; then
  echo "ci-sandbox-deps: fetching the guest kernel (Debian linux-image-cloud-amd64)"
  work=$(mktemp -d); chmod 755 "$work"  # apt-get download runs as _apt
  trap 'rm -rf "$work"' EXIT
  # The ABI number changes with updates: resolve the real package through the metapackage.
  pkg=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image/{print $2; exit}')
  [ -n "$pkg" ] || { echo "ci-sandbox-deps: cannot resolve linux-image-cloud-amd64" >&2; exit 2; }
  (cd "$work" && apt-get download -q "$pkg")
  dpkg-deb -x "$work"/*.deb "$work/root"
  vmlinuz=$(ls "$work"/root/boot/vmlinuz-* | head -n1)
  ver=${vmlinuz##*/vmlinuz-}
  # The bzImage is LZ4-compressed (CONFIG_KERNEL_LZ4); the ELF vmlinux boots via PVH (QEMU) and is
  # what Firecracker needs. The LZ4 frame starts at the legacy magic 02 21 4c 18.
  off=$(grep -obUaP '\x02\x21\x4c\x18' "$vmlinuz" | head -n1 | cut -d: -f1)
  [ -n "$off" ] || { echo "ci-sandbox-deps: no LZ4 payload in $vmlinuz" >&2; exit 2; }
  mkdir -p "$kdir.new/modules"
  tail -c +"$((off + 1))" "$vmlinuz" | lz4 -dc > "$kdir.new/vmlinux" 2>/dev/null || true
  [ -s "$kdir.new/vmlinux" ] || { echo "ci-sandbox-deps: lz4 could not unpack the kernel" >&2; exit 2; }
  cp "$vmlinuz" "$kdir.new/bzImage"
  m="$work/root/lib/modules/$ver/kernel"
  for ko in drivers/virtio/virtio.ko drivers/virtio/virtio_ring.ko drivers/virtio/virtio_pci_modern_dev.ko \
            drivers/virtio/virtio_pci_legacy_dev.ko drivers/virtio/virtio_pci.ko drivers/virtio/virtio_mmio.ko \
            drivers/block/virtio_blk.ko net/core/failover.ko drivers/net/net_failover.ko drivers/net/virtio_net.ko; do
    for f in "$m/$ko" "$m/$ko.xz"; do [ -f "$f" ] && cp "$f" "$kdir.new/modules/"; done
  done
  echo "$ver" > "$kdir.new/version"
  rm -rf "$kdir"; mv "$kdir.new" "$kdir"
  echo "ci-sandbox-deps: kernel $ver in $kdir"
fi
echo "ci-sandbox-deps: ok (home $home)"
