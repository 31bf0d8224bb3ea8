//! The payer's key: from a secret URI file, or from a keystore without ever reading the secret.

use agentchain_primitives::{x402::AGENT_KEY_TYPE, AccountId};
use polkadot_sdk::{
	sc_cli::CryptoScheme,
	sc_keystore::LocalKeystore,
	sp_core::{crypto::Ss58Codec, ecdsa, ed25519, sr25519, Pair},
	sp_keystore::Keystore,
	sp_runtime::MultiSignature,
};
use std::path::PathBuf;

/// Where the payer's key comes from.
#[derive(Debug, Clone, clap::Args)]
pub struct KeyParams {
	/// A file holding the payer's secret URI: a mnemonic, a `0x` seed or a dev phrase such as
	/// `//Alice`, with optional derivation paths.
	#[arg(long, value_name = "PATH", required_unless_present = "keystore_path")]
	pub suri_file: Option<PathBuf>,

	/// The scheme of the key in `--suri-file`.
	#[arg(long, value_enum, ignore_case = true, default_value = "sr25519")]
	pub scheme: CryptoScheme,

	/// A keystore holding the payer's sr25519 key under the key type `agnt` (put there by
	/// `agentchain-node key insert --key-type agnt --scheme sr25519 --keystore-path <PATH>`,
	/// which asks for the secret).
	#[arg(long, value_name = "PATH", conflicts_with = "suri_file")]
	pub keystore_path: Option<PathBuf>,

	/// The payer key's public key in the keystore (SS58 or `0x`-hex), when it holds several.
	#[arg(long, value_name = "PUBLIC KEY", requires = "keystore_path")]
	pub public_key: Option<String>,
}

/// A key that signs native payloads for its account.
pub enum PayerKey {
	Sr25519(sr25519::Pair),
	Ed25519(ed25519::Pair),
	Ecdsa(ecdsa::Pair),
	Keystore(LocalKeystore, sr25519::Public),
}

impl PayerKey {
	pub fn load(params: &KeyParams) -> Result<Self, String> {
		if let Some(path) = &params.keystore_path {
			return Self::from_keystore(path, params.public_key.as_deref());
		}
		let path = params.suri_file.as_ref().ok_or("give --suri-file or --keystore-path")?;
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("the secret URI file {}: {e}", path.display()))?;
		let suri = text.trim();
		if suri.is_empty() {
			return Err(format!("the secret URI file {} is empty", path.display()));
		}
		// The error never repeats the secret.
		let invalid = |e| format!("the secret URI in {} is not a valid key: {e:?}", path.display());
		Ok(match params.scheme {
			CryptoScheme::Sr25519 => {
				Self::Sr25519(sr25519::Pair::from_string(suri, None).map_err(invalid)?)
			},
			CryptoScheme::Ed25519 => {
				Self::Ed25519(ed25519::Pair::from_string(suri, None).map_err(invalid)?)
			},
			CryptoScheme::Ecdsa => {
				Self::Ecdsa(ecdsa::Pair::from_string(suri, None).map_err(invalid)?)
			},
		})
	}

	fn from_keystore(path: &std::path::Path, public: Option<&str>) -> Result<Self, String> {
		if !path.is_dir() {
			return Err(format!("the keystore {} is not a directory", path.display()));
		}
		let keystore = LocalKeystore::open(path, None)
			.map_err(|e| format!("the keystore {}: {e}", path.display()))?;
		let keys = keystore.sr25519_public_keys(AGENT_KEY_TYPE);
		let public = match public {
			Some(text) => {
				let wanted = parse_public(text)?;
				keys.into_iter().find(|key| *key == wanted).ok_or_else(|| {
					format!("the keystore {} holds no `agnt` key {text}", path.display())
				})?
			},
			None => match keys.as_slice() {
				[one] => *one,
				[] => {
					return Err(format!(
						"the keystore {} holds no `agnt` sr25519 key",
						path.display()
					))
				},
				_ => {
					return Err(format!(
						"the keystore {} holds {} `agnt` keys: choose one with --public-key",
						path.display(),
						keys.len()
					))
				},
			},
		};
		Ok(Self::Keystore(keystore, public))
	}

	pub fn account(&self) -> AccountId {
		match self {
			Self::Sr25519(pair) => pair.public().into(),
			Self::Ed25519(pair) => pair.public().into(),
			Self::Ecdsa(pair) => polkadot_sdk::sp_runtime::traits::IdentifyAccount::into_account(
				polkadot_sdk::sp_runtime::MultiSigner::from(pair.public()),
			),
			Self::Keystore(_, public) => (*public).into(),
		}
	}

	pub fn sign(&self, payload: &[u8]) -> Result<MultiSignature, String> {
		Ok(match self {
			Self::Sr25519(pair) => pair.sign(payload).into(),
			Self::Ed25519(pair) => pair.sign(payload).into(),
			Self::Ecdsa(pair) => pair.sign(payload).into(),
			Self::Keystore(keystore, public) => keystore
				.sr25519_sign(AGENT_KEY_TYPE, public, payload)
				.map_err(|e| format!("the keystore could not sign: {e}"))?
				.ok_or("the keystore lost the key")?
				.into(),
		})
	}
}

fn parse_public(text: &str) -> Result<sr25519::Public, String> {
	if let Some(hex) = text.strip_prefix("0x") {
		let bytes: [u8; 32] = hex::decode(hex)
			.ok()
			.and_then(|bytes| bytes.try_into().ok())
			.ok_or_else(|| format!("{text} is not a 32-byte 0x-hex public key"))?;
		return Ok(sr25519::Public::from_raw(bytes));
	}
	sr25519::Public::from_ss58check(text)
		.map_err(|e| format!("{text} is not an SS58 public key: {e:?}"))
}
