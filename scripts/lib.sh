# Shared settings for the scripts in this folder; source it, don't run it.
#
# - REPO_ROOT: the checkout.
# - CARGO_TARGET_DIR: one persistent target directory outside the clone (override with
#   AGENTCHAIN_TARGET_DIR), so that every clone on this machine, CI's included, reuses one build.
# - use_toolchain: puts on PATH a Rust toolchain that can build the wasm runtime (see setup.sh).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${AGENTCHAIN_TARGET_DIR:-$HOME/.cache/agentchain/target}"
# The wasm runtime's inner build finds the workspace (and so its Cargo.lock) through this; from a
# target directory outside the checkout it could not, and would resolve dependencies afresh.
export WASM_BUILD_WORKSPACE_HINT="$REPO_ROOT"
# One profile for building and testing: release, so the test node runs as a user's would.
export CARGO_PROFILE_FLAG="--release"
NODE_BIN="$CARGO_TARGET_DIR/release/agentchain-node"
DISTRO_WASM_SYSROOT=/usr/lib/rustlib/wasm32v1-none/lib

log() { printf '\033[1m[agentchain]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[agentchain] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Prints the name of a rustup toolchain that can build the runtime: one with the wasm32v1-none
# target, or with wasm32-unknown-unknown plus rust-src. Prints nothing when there is none.
rustup_wasm_toolchain() {
	command -v rustup >/dev/null 2>&1 || return 0
	local tc targets
	for tc in $(rustup toolchain list 2>/dev/null | awk '{print $1}'); do
		targets="$(rustup +"$tc" target list --installed 2>/dev/null)"
		if grep -qx wasm32v1-none <<<"$targets"; then echo "$tc"; return 0; fi
		if grep -qx wasm32-unknown-unknown <<<"$targets" \
			&& rustup +"$tc" component list --installed 2>/dev/null | grep -q '^rust-src'; then
			echo "$tc"; return 0
		fi
	done
}

distro_toolchain_ready() {
	[ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -x /usr/bin/rust-lld ] \
		&& compgen -G "$DISTRO_WASM_SYSROOT/libcore-*.rlib" >/dev/null
}

# Selects the toolchain for this shell: a rustup toolchain with a wasm target when there is one,
# else Debian's Rust with the wasm32v1-none sysroot that setup.sh builds.
use_toolchain() {
	local tc
	tc="$(rustup_wasm_toolchain)"
	if [ -n "$tc" ]; then
		export RUSTUP_TOOLCHAIN="$tc"
		CARGO="cargo"
	elif distro_toolchain_ready; then
		# Debian's cargo and rustc first on PATH: the wasm builder calls `cargo`/`rustc` by name.
		export PATH="/usr/bin:$PATH"
		unset RUSTUP_TOOLCHAIN
		CARGO="/usr/bin/cargo"
	else
		die "no Rust toolchain that can build the wasm runtime: run scripts/setup.sh"
	fi
	export CARGO
}

cargo_run() { (cd "$REPO_ROOT" && "$CARGO" "$@"); }
