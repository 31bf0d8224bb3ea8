//! The endpoint rules of spending mandates. Only a facilitator sees what a payment pays for (the
//! chain sees an intent), so ours applies each mandate's endpoint list, read from chain state,
//! to the resource the payment payload names.
//!
//! What a payload names is what the client put there: a stock client copies the 402's
//! `resource.url`, and the method from the stock `bazaar` extension when the route declares it.
//! So these rules hold against an agent steered to another site with stock machinery; a key
//! holder writing its own payloads can name any resource, and against it the chain's own
//! limits and payee rules are what hold.

use crate::{
	payment::{reason, Refusal},
	wire::FacilitatorRequest,
};
use agentchain_primitives::mandates::Endpoint;

/// Whether every mandate whose endpoint list is `rules[i]` (empty for any endpoint) admits the
/// resource `request` pays for.
pub fn check(rules: &[Vec<Endpoint>], request: &FacilitatorRequest) -> Result<(), Refusal> {
	if rules.iter().all(Vec::is_empty) {
		return Ok(());
	}
	let payload = &request.payment_payload;
	let resource = payload.resource.as_ref().and_then(|r| r.get("url")).and_then(|u| u.as_str());
	let Some(text) = resource else {
		return Err(not_allowed("the payment names no resource, and a mandate limits endpoints"));
	};
	let url = url::Url::parse(text)
		.ok()
		.filter(|url| matches!(url.scheme(), "http" | "https"))
		.ok_or_else(|| {
			not_allowed(format!(
				"the resource `{text}` is not an http(s) URL, and a mandate limits endpoints"
			))
		})?;
	let host = url.host_str().unwrap_or_default();
	let method = declared_method(request);
	let admitted = |list: &Vec<Endpoint>| {
		list.is_empty()
			|| list.iter().any(|rule| {
				rule.admits(
					method.as_deref().map(str::as_bytes),
					host.as_bytes(),
					url.path().as_bytes(),
				)
			})
	};
	if rules.iter().all(admitted) {
		Ok(())
	} else {
		let method = method.unwrap_or_else(|| "(method not named)".into());
		Err(not_allowed(format!(
			"{method} {host}{} is not on the endpoint list of a mandate the payer pays through",
			url.path()
		)))
	}
}

/// The HTTP method the payment names: the stock `bazaar` extension's `info.input.method`.
fn declared_method(request: &FacilitatorRequest) -> Option<String> {
	let extensions = request.payment_payload.extensions.as_ref()?;
	let method = extensions.pointer("/bazaar/info/input/method")?.as_str()?;
	Some(method.to_ascii_uppercase())
}

fn not_allowed(message: impl Into<String>) -> Refusal {
	Refusal::new(reason::MANDATE_ENDPOINT_NOT_ALLOWED, message)
}

#[cfg(test)]
mod tests;
