#!/usr/bin/env bash
# Makes a Debian or Ubuntu machine ready to build and test agentchain. Idempotent: when
# everything is in place it only checks, in a second or two.
#
# Installs: protobuf, clang and the other build packages; a Rust toolchain that can build the
# wasm runtime (a rustup toolchain that already has a wasm target when there is one, else
# Debian's rustc-web with a wasm32v1-none sysroot built once from its sources); Node.js and npm
# for zombienet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
	local missing=()
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
			|| missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	log "installing Debian packages: ${missing[*]}"
	if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
}

command -v apt-get >/dev/null || die "setup.sh needs a Debian or Ubuntu machine (apt-get)"

# Build packages: protoc for libp2p, clang/libclang for bindgen, a C toolchain, pkg-config.
apt_install build-essential pkg-config protobuf-compiler clang libclang-dev git curl ca-certificates

# Zombienet runs on Node.js.
command -v npm >/dev/null || apt_install nodejs npm

build_distro_wasm_sysroot() {
	log "building the wasm32v1-none core/alloc sysroot from Debian's Rust sources (once)"
	local work
	work="$(mktemp -d)"
	mkdir -p "$work/src"
	cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-sysroot"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
TOML
	echo '#![no_std]' >"$work/src/lib.rs"
	# Its own target directory: the shared one (lib.sh) must not receive these rlibs.
	(cd "$work" && CARGO_TARGET_DIR="$work/target" RUSTC_BOOTSTRAP=1 \
		RUSTFLAGS=-Cembed-bitcode=yes PATH="/usr/bin:$PATH" \
		/usr/bin/cargo build --quiet --release --target wasm32v1-none \
		-Zbuild-std=core,alloc)
	as_root mkdir -p "$DISTRO_WASM_SYSROOT"
	local deps="$work/target/wasm32v1-none/release/deps"
	as_root cp "$deps"/libcore-*.rlib "$deps"/liballoc-*.rlib "$deps"/libcompiler_builtins-*.rlib \
		"$DISTRO_WASM_SYSROOT/"
	rm -rf "$work"
}

if tc="$(rustup_wasm_toolchain)" && [ -n "$tc" ]; then
	log "Rust: rustup toolchain '$tc' has a wasm target"
else
	# rustup here cannot add wasm targets or rust-src; Debian's Rust 1.96 with its sources can.
	# rust-web-llvm provides `rust-lld`, the linker the wasm targets name.
	apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
	distro_toolchain_ready || build_distro_wasm_sysroot
	distro_toolchain_ready || die "the wasm32v1-none sysroot is still missing after building it"
	log "Rust: Debian's $(/usr/bin/rustc --version) with the wasm32v1-none sysroot"
fi

use_toolchain
mkdir -p "$CARGO_TARGET_DIR"
log "setup done (target directory: $CARGO_TARGET_DIR)"
