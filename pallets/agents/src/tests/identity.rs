//! Registration, URI and metadata, operators, ownership transfer and deregistration.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

fn origin(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

#[test]
fn register_assigns_sequential_ids_with_uri_metadata_and_owner_as_wallet() {
	new_test_ext().execute_with(|| {
		let metadata =
			vec![(b"name".to_vec(), b"weather".to_vec()), (b"x402".to_vec(), b"yes".to_vec())];
		assert_ok!(Agents::register(origin(&owner()), b"ipfs://a".to_vec(), metadata));
		assert_ok!(Agents::register(origin(&owner()), b"ipfs://b".to_vec(), vec![]));
		assert_eq!(NextAgentId::<Test>::get(), 2);

		let first = Agents::agent(0).unwrap();
		assert_eq!((first.owner.clone(), first.uri.clone()), (owner(), b"ipfs://a".to_vec()));
		assert_eq!(
			first.metadata,
			vec![(b"name".to_vec(), b"weather".to_vec()), (b"x402".to_vec(), b"yes".to_vec())]
		);
		// As ERC-8004: the owner is the first wallet; a wallet belongs to one agent, so the
		// owner's second agent starts without one.
		assert_eq!(first.wallet, Some(owner()));
		assert_eq!(Agents::agent(1).unwrap().wallet, None);
		assert_eq!(Agents::agent_by_wallet(&owner()), Some(0));
		assert!(agent_events().contains(&Event::Registered {
			agent: 1,
			owner: owner(),
			uri: b"ipfs://b".to_vec()
		}));
	});
}

#[test]
fn register_refuses_bad_uri_and_metadata() {
	new_test_ext().execute_with(|| {
		let register = |uri: Vec<u8>, metadata: Vec<(Vec<u8>, Vec<u8>)>| {
			Agents::register(origin(&owner()), uri, metadata)
		};
		let entry = |k: &[u8], v: &[u8]| (k.to_vec(), v.to_vec());
		assert_noop!(register(vec![b'u'; 65], vec![]), Error::<Test>::UriTooLong);
		assert_noop!(
			register(
				vec![],
				vec![entry(b"a", b""), entry(b"b", b""), entry(b"c", b""), entry(b"d", b"")]
			),
			Error::<Test>::TooManyMetadataEntries
		);
		assert_noop!(register(vec![], vec![entry(b"", b"v")]), Error::<Test>::BadMetadataKey);
		assert_noop!(
			register(vec![], vec![entry(&[b'k'; 17], b"v")]),
			Error::<Test>::BadMetadataKey
		);
		assert_noop!(
			register(vec![], vec![entry(b"k", &[0; 33])]),
			Error::<Test>::MetadataValueTooLong
		);
		assert_noop!(
			register(vec![], vec![entry(b"k", b"1"), entry(b"k", b"2")]),
			Error::<Test>::DuplicateMetadataKey
		);
		assert_noop!(
			register(vec![], vec![entry(b"agentWallet", b"x")]),
			Error::<Test>::ReservedMetadataKey
		);
		assert_eq!(NextAgentId::<Test>::get(), 0);
	});
}

#[test]
fn owner_and_operators_manage_uri_and_metadata_others_cannot() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"ipfs://a");
		let operator = account("Operator");
		assert_noop!(
			Agents::set_agent_uri(origin(&operator), id, b"ipfs://x".to_vec()),
			Error::<Test>::NotOwnerOrOperator
		);
		assert_noop!(
			Agents::set_agent_uri(origin(&owner()), 9, vec![]),
			Error::<Test>::AgentNotFound
		);
		assert_noop!(
			Agents::set_agent_uri(origin(&owner()), id, vec![0; 65]),
			Error::<Test>::UriTooLong
		);
		assert_ok!(Agents::set_operator(origin(&owner()), id, operator.clone(), true));
		assert_ok!(Agents::set_agent_uri(origin(&operator), id, b"ipfs://b".to_vec()));
		assert_eq!(Agents::agent(id).unwrap().uri, b"ipfs://b".to_vec());

		let set = |key: &[u8], value: Option<&[u8]>| {
			Agents::set_metadata(origin(&operator), id, key.to_vec(), value.map(|v| v.to_vec()))
		};
		assert_ok!(set(b"a", Some(b"1")));
		assert_ok!(set(b"a", Some(b"2")));
		assert_ok!(set(b"b", Some(b"3")));
		assert_ok!(set(b"c", Some(b"4")));
		assert_noop!(set(b"d", Some(b"5")), Error::<Test>::TooManyMetadataEntries);
		assert_ok!(set(b"c", None));
		assert_noop!(set(b"c", None), Error::<Test>::MetadataNotFound);
		assert_noop!(set(b"agentWallet", Some(b"x")), Error::<Test>::ReservedMetadataKey);
		assert_noop!(set(b"e", Some(&[0; 33])), Error::<Test>::MetadataValueTooLong);
		assert_eq!(
			Agents::agent(id).unwrap().metadata,
			vec![(b"a".to_vec(), b"2".to_vec()), (b"b".to_vec(), b"3".to_vec())]
		);
		let record = AgentRecords::<Test>::get(id).unwrap();
		assert_eq!((record.metadata_entries, record.metadata_bytes), (2, 4));
	});
}

#[test]
fn only_the_owner_sets_operators_within_the_limit() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"");
		let (a, b, c) = (account("A"), account("B"), account("C"));
		assert_noop!(
			Agents::set_operator(origin(&a), id, a.clone(), true),
			Error::<Test>::NotOwner
		);
		assert_ok!(Agents::set_operator(origin(&owner()), id, a.clone(), true));
		assert_noop!(
			Agents::set_operator(origin(&owner()), id, a.clone(), true),
			Error::<Test>::OperatorUnchanged
		);
		assert_ok!(Agents::set_operator(origin(&owner()), id, b.clone(), true));
		assert_noop!(
			Agents::set_operator(origin(&owner()), id, c.clone(), true),
			Error::<Test>::TooManyOperators
		);
		// Operators manage, they do not own.
		assert_noop!(
			Agents::set_operator(origin(&a), id, c.clone(), true),
			Error::<Test>::NotOwner
		);
		assert_noop!(Agents::deregister(origin(&a), id), Error::<Test>::NotOwner);
		assert_ok!(Agents::set_operator(origin(&owner()), id, a.clone(), false));
		assert_noop!(
			Agents::set_operator(origin(&owner()), id, a.clone(), false),
			Error::<Test>::OperatorUnchanged
		);
		assert_eq!(Agents::agent(id).unwrap().operators, vec![b]);
	});
}

#[test]
fn transfer_clears_wallet_and_operators() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(Agents::set_operator(origin(&owner()), id, account("Operator"), true));
		assert_noop!(
			Agents::transfer_ownership(origin(&client()), id, client()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Agents::transfer_ownership(origin(&owner()), id, owner()),
			Error::<Test>::AlreadyOwner
		);
		assert_noop!(
			Agents::transfer_ownership(origin(&owner()), 7, client()),
			Error::<Test>::AgentNotFound
		);
		assert_ok!(Agents::transfer_ownership(origin(&owner()), id, client()));
		let agent = Agents::agent(id).unwrap();
		assert_eq!((agent.owner, agent.wallet, agent.operators), (client(), None, vec![]));
		assert_eq!(Agents::agent_by_wallet(&wallet()), None);
		let events = agent_events();
		assert!(events.contains(&Event::OwnershipTransferred {
			agent: id,
			from: owner(),
			to: client()
		}));
		assert_eq!(events.last(), Some(&Event::WalletSet { agent: id, wallet: None }));
		// The old owner lost every right.
		assert_noop!(
			Agents::set_agent_uri(origin(&owner()), id, vec![]),
			Error::<Test>::NotOwnerOrOperator
		);
	});
}

#[test]
fn deregister_removes_everything_and_ids_are_not_reused() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(Agents::set_metadata(origin(&owner()), id, b"k".to_vec(), Some(b"v".to_vec())));
		assert_noop!(Agents::deregister(origin(&client()), id), Error::<Test>::NotOwner);
		assert_ok!(Agents::deregister(origin(&owner()), id));
		assert!(Agents::agent(id).is_none());
		assert_eq!(Metadata::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Agents::agent_by_wallet(&wallet()), None);
		assert_noop!(Agents::deregister(origin(&owner()), id), Error::<Test>::AgentNotFound);
		assert_eq!(register_as(&owner(), b""), id + 1);
	});
}
