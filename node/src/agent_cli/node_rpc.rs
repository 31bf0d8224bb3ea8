//! JSON-RPC over HTTP to a node, for the CLI's one-shot calls.

use serde_json::{json, Value};

/// `method(params)` at `url`: its result, or the node's error as text.
pub fn call(url: &str, method: &str, params: Value) -> Result<Value, String> {
	let request = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
	let response = ureq::post(url)
		.set("Content-Type", "application/json")
		.send_json(request)
		.map_err(|e| format!("{method} at {url}: {e}"))?;
	let mut answer: Value =
		response.into_json().map_err(|e| format!("{method} at {url}: not JSON: {e}"))?;
	if let Some(error) = answer.get("error") {
		return Err(format!("{method}: {error}"));
	}
	answer
		.get_mut("result")
		.map(Value::take)
		.ok_or_else(|| format!("{method} at {url}: an answer with neither result nor error"))
}
