use super::*;
use crate::payment::reason::MANDATE_ENDPOINT_NOT_ALLOWED;
use serde_json::{json, Value};

fn rule(method: &str, host: &str, path_prefix: &str) -> Endpoint {
	Endpoint {
		method: method.as_bytes().to_vec().try_into().unwrap(),
		host: host.as_bytes().to_vec().try_into().unwrap(),
		path_prefix: path_prefix.as_bytes().to_vec().try_into().unwrap(),
	}
}

fn request(resource: Option<Value>, extensions: Option<Value>) -> FacilitatorRequest {
	let requirements = json!({
		"scheme": "exact", "network": "eip155:1", "amount": "1", "asset": "0x00",
		"payTo": "0x00", "maxTimeoutSeconds": 60,
	});
	let mut payload = json!({ "x402Version": 2, "accepted": requirements, "payload": {} });
	if let Some(resource) = resource {
		payload["resource"] = resource;
	}
	if let Some(extensions) = extensions {
		payload["extensions"] = extensions;
	}
	serde_json::from_value(json!({
		"x402Version": 2, "paymentPayload": payload, "paymentRequirements": requirements,
	}))
	.unwrap()
}

fn paying_for(url: &str) -> FacilitatorRequest {
	request(Some(json!({ "url": url, "description": "", "mimeType": "" })), None)
}

fn refused(rules: &[Vec<Endpoint>], request: &FacilitatorRequest) -> bool {
	match check(rules, request) {
		Ok(()) => false,
		Err(refusal) => {
			assert_eq!(refusal.reason, MANDATE_ENDPOINT_NOT_ALLOWED, "{refusal:?}");
			true
		},
	}
}

#[test]
fn mandates_without_endpoint_lists_admit_anything_even_no_resource() {
	assert!(!refused(&[], &request(None, None)));
	assert!(!refused(&[vec![], vec![]], &request(None, None)));
}

#[test]
fn a_listed_host_and_path_prefix_admit_the_paths_below_it_and_nothing_else() {
	let rules = [vec![rule("", "api.example.com", "/weather")]];
	assert!(!refused(&rules, &paying_for("https://api.example.com/weather")));
	assert!(!refused(&rules, &paying_for("https://API.Example.com:8443/weather/today?city=x")));
	// By whole segments: a sibling that shares the prefix's letters is another endpoint.
	assert!(refused(&rules, &paying_for("https://api.example.com/weatherstation")));
	assert!(refused(&rules, &paying_for("https://api.example.com/")));
	assert!(refused(&rules, &paying_for("https://evil.example.com/weather")));
	assert!(refused(&rules, &paying_for("https://api.example.com.evil.net/weather")));
	// Dot segments are resolved before the prefix is compared.
	assert!(refused(&rules, &paying_for("https://api.example.com/weather/../admin")));
	assert!(refused(&rules, &paying_for("https://api.example.com/weather/%2e%2e/admin")));
}

#[test]
fn a_payment_that_names_no_usable_resource_is_refused_under_an_endpoint_list() {
	let rules = [vec![rule("", "api.example.com", "/")]];
	assert!(refused(&rules, &request(None, None)));
	assert!(refused(&rules, &request(Some(json!({ "description": "no url" })), None)));
	assert!(refused(&rules, &request(Some(json!({ "url": 7 })), None)));
	assert!(refused(&rules, &paying_for("not a url")));
	assert!(refused(&rules, &paying_for("ftp://api.example.com/weather")));
	assert!(refused(&rules, &paying_for("data:text/plain,api.example.com")));
}

#[test]
fn a_rule_with_a_method_admits_only_payments_that_name_that_method() {
	let rules = [vec![rule("GET", "api.example.com", "/")]];
	let resource = Some(json!({ "url": "https://api.example.com/report" }));
	let method = |m: &str| {
		Some(json!({ "bazaar": { "info": { "input": { "type": "http", "method": m } } } }))
	};
	assert!(!refused(&rules, &request(resource.clone(), method("GET"))));
	assert!(!refused(&rules, &request(resource.clone(), method("get"))));
	assert!(refused(&rules, &request(resource.clone(), method("POST"))));
	// The stock payload names no method unless the route declares the bazaar extension.
	assert!(refused(&rules, &request(resource, None)));
}

#[test]
fn every_mandate_up_to_the_root_must_admit_the_resource() {
	let agent = vec![rule("", "api.example.com", "/"), rule("", "files.example.com", "/")];
	let session = vec![rule("", "api.example.com", "/weather")];
	let both = [session.clone(), agent.clone()];
	assert!(!refused(&both, &paying_for("https://api.example.com/weather/today")));
	// The agent's list admits it, the session's does not.
	assert!(refused(&both, &paying_for("https://files.example.com/a")));
	// A session without a list is held to its agent's.
	assert!(refused(&[vec![], agent], &paying_for("https://other.example.com/")));
}
