use super::*;

fn rule(method: &str, host: &str, path_prefix: &str) -> Endpoint {
	Endpoint {
		method: method.as_bytes().to_vec().try_into().unwrap(),
		host: host.as_bytes().to_vec().try_into().unwrap(),
		path_prefix: path_prefix.as_bytes().to_vec().try_into().unwrap(),
	}
}

#[test]
fn a_path_prefix_admits_whole_segments_only() {
	let api = rule("", "example.com", "/api");
	assert!(api.admits(None, b"example.com", b"/api"));
	assert!(api.admits(None, b"EXAMPLE.com", b"/api/v1"));
	assert!(!api.admits(None, b"example.com", b"/apiary"));
	assert!(!api.admits(None, b"example.com", b"/ap"));
	let slash = rule("", "example.com", "/api/");
	assert!(slash.admits(None, b"example.com", b"/api/v1"));
	assert!(!slash.admits(None, b"example.com", b"/api"));
	assert!(rule("", "example.com", "/").admits(None, b"example.com", b"/anything"));
}

#[test]
fn a_method_rule_needs_the_method_named() {
	let get = rule("GET", "example.com", "/");
	assert!(get.admits(Some(b"GET"), b"example.com", b"/"));
	assert!(!get.admits(Some(b"POST"), b"example.com", b"/"));
	assert!(!get.admits(None, b"example.com", b"/"));
	assert!(rule("", "example.com", "/").admits(Some(b"POST"), b"example.com", b"/"));
}

#[test]
fn a_rule_covers_only_narrower_rules() {
	let api = rule("", "example.com", "/api");
	assert!(api.covers(&rule("GET", "example.com", "/api/v1")));
	assert!(api.covers(&api));
	assert!(!api.covers(&rule("", "example.com", "/apiary")));
	assert!(!api.covers(&rule("", "example.com", "/")));
	assert!(!api.covers(&rule("", "other.com", "/api")));
	assert!(!rule("GET", "example.com", "/").covers(&rule("", "example.com", "/")));
}
