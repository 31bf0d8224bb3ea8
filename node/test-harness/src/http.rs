//! Plain HTTP calls to the node's facilitator, as an x402 resource server makes them.

use serde_json::Value;

use crate::Result;

/// The response, whatever its status: the tests look at error statuses too.
fn any_status(result: std::result::Result<ureq::Response, ureq::Error>) -> Result<ureq::Response> {
	match result {
		Ok(response) | Err(ureq::Error::Status(_, response)) => Ok(response),
		Err(error) => Err(error.into()),
	}
}

/// `GET url`: the status and the body as JSON.
pub fn get_json(url: &str) -> Result<(u16, Value)> {
	let response = any_status(ureq::get(url).call())?;
	Ok((response.status(), response.into_json()?))
}

/// `GET url`: the status and the body text (for Prometheus metrics).
pub fn get_text(url: &str) -> Result<(u16, String)> {
	let response = any_status(ureq::get(url).call())?;
	Ok((response.status(), response.into_string()?))
}

/// `POST url` with `body` as `application/json`: the status and the body text.
pub fn post(url: &str, body: &str) -> Result<(u16, String)> {
	let response =
		any_status(ureq::post(url).set("Content-Type", "application/json").send_string(body))?;
	Ok((response.status(), response.into_string()?))
}

/// [`post`] with `Authorization: Bearer <token>`, as a resource server that holds a
/// credential at the facilitator sends it.
pub fn post_with_bearer(url: &str, body: &str, token: &str) -> Result<(u16, String)> {
	let request = ureq::post(url)
		.set("Content-Type", "application/json")
		.set("Authorization", &format!("Bearer {token}"));
	let response = any_status(request.send_string(body))?;
	Ok((response.status(), response.into_string()?))
}
