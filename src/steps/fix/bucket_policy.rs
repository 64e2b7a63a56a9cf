//! The log bucket's policy: the statements CloudTrail and AWS Config need to write into
//! it, in the shape their documentation gives. The console writes these for you; the
//! API does not, and without them CreateTrail fails with
//! `InsufficientS3BucketPolicyException` (which moto does not check, so the tests
//! assert the shape here). Statements are merged by `Sid` into whatever policy the
//! bucket has, so CloudTrail and Config can share one bucket.

use serde_json::{Value, json};

/// Where Config writes inside the shared bucket.
pub const CONFIG_PREFIX: &str = "config";

/// CloudTrail may check the bucket's ACL and write under `AWSLogs/ACCOUNT/`, but only
/// for the one trail named (`aws:SourceArn`), so no other account's trail can use it.
pub fn cloudtrail_statements(bucket: &str, account_id: &str, trail_arn: &str) -> Vec<Value> {
    vec![
        json!({
            "Sid": "AWSCloudTrailAclCheck",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "s3:GetBucketAcl",
            "Resource": format!("arn:aws:s3:::{bucket}"),
            "Condition": {"StringEquals": {"aws:SourceArn": trail_arn}}
        }),
        json!({
            "Sid": "AWSCloudTrailWrite",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": format!("arn:aws:s3:::{bucket}/AWSLogs/{account_id}/*"),
            "Condition": {"StringEquals": {
                "s3:x-amz-acl": "bucket-owner-full-control",
                "aws:SourceArn": trail_arn
            }}
        }),
    ]
}

/// AWS Config may check the bucket and write under `PREFIX/AWSLogs/ACCOUNT/Config/`,
/// only on this account's behalf (`AWS:SourceAccount`).
pub fn config_statements(bucket: &str, account_id: &str) -> Vec<Value> {
    let only_this_account = json!({"StringEquals": {"AWS:SourceAccount": account_id}});
    vec![
        json!({
            "Sid": "AWSConfigBucketPermissionsCheck",
            "Effect": "Allow",
            "Principal": {"Service": "config.amazonaws.com"},
            "Action": "s3:GetBucketAcl",
            "Resource": format!("arn:aws:s3:::{bucket}"),
            "Condition": only_this_account
        }),
        json!({
            "Sid": "AWSConfigBucketExistenceCheck",
            "Effect": "Allow",
            "Principal": {"Service": "config.amazonaws.com"},
            "Action": "s3:ListBucket",
            "Resource": format!("arn:aws:s3:::{bucket}"),
            "Condition": only_this_account
        }),
        json!({
            "Sid": "AWSConfigBucketDelivery",
            "Effect": "Allow",
            "Principal": {"Service": "config.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": format!("arn:aws:s3:::{bucket}/{CONFIG_PREFIX}/AWSLogs/{account_id}/Config/*"),
            "Condition": {"StringEquals": {
                "s3:x-amz-acl": "bucket-owner-full-control",
                "AWS:SourceAccount": account_id
            }}
        }),
    ]
}

/// `existing` (the bucket's policy, if any) with `statements` added, each replacing a
/// statement of the same `Sid`. `None` when nothing would change.
pub fn merged(existing: Option<&str>, statements: &[Value]) -> Option<String> {
    let mut policy: Value = existing
        .and_then(|text| serde_json::from_str(text).ok())
        .filter(Value::is_object)
        .unwrap_or_else(|| json!({"Version": "2012-10-17", "Statement": []}));
    let before = policy.clone();
    if !policy["Statement"].is_array() {
        // A single statement may be written as an object; keep it as the first of a list.
        let single = policy["Statement"].take();
        policy["Statement"] = Value::Array(if single.is_null() { Vec::new() } else { vec![single] });
    }
    let list = policy["Statement"].as_array_mut()?;
    for statement in statements {
        match list
            .iter_mut()
            .find(|s| s.get("Sid").is_some() && s.get("Sid") == statement.get("Sid"))
        {
            Some(same) => *same = statement.clone(),
            None => list.push(statement.clone()),
        }
    }
    (policy != before).then(|| policy.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUCKET: &str = "aws-day-one-logs-123456789012-eu-west-1";
    const ACCOUNT: &str = "123456789012";
    const TRAIL: &str = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/aws-day-one-trail";

    fn statement<'a>(policy: &'a Value, sid: &str) -> &'a Value {
        policy["Statement"]
            .as_array()
            .and_then(|list| list.iter().find(|s| s["Sid"] == sid))
            .unwrap_or_else(|| panic!("no statement {sid} in {policy}"))
    }

    #[test]
    fn the_cloudtrail_statements_have_the_documented_shape() {
        let text = merged(None, &cloudtrail_statements(BUCKET, ACCOUNT, TRAIL)).expect("a policy");
        let policy: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(policy["Version"], "2012-10-17");
        let acl = statement(&policy, "AWSCloudTrailAclCheck");
        assert_eq!(acl["Principal"]["Service"], "cloudtrail.amazonaws.com");
        assert_eq!(acl["Action"], "s3:GetBucketAcl");
        assert_eq!(acl["Resource"], format!("arn:aws:s3:::{BUCKET}"));
        assert_eq!(acl["Condition"]["StringEquals"]["aws:SourceArn"], TRAIL);
        let write = statement(&policy, "AWSCloudTrailWrite");
        assert_eq!(write["Action"], "s3:PutObject");
        assert_eq!(write["Resource"], format!("arn:aws:s3:::{BUCKET}/AWSLogs/{ACCOUNT}/*"));
        assert_eq!(
            write["Condition"]["StringEquals"]["s3:x-amz-acl"],
            "bucket-owner-full-control"
        );
        assert_eq!(write["Condition"]["StringEquals"]["aws:SourceArn"], TRAIL);
    }

    #[test]
    fn the_config_statements_have_the_documented_shape() {
        let text = merged(None, &config_statements(BUCKET, ACCOUNT)).expect("a policy");
        let policy: Value = serde_json::from_str(&text).expect("json");
        for (sid, action) in [
            ("AWSConfigBucketPermissionsCheck", "s3:GetBucketAcl"),
            ("AWSConfigBucketExistenceCheck", "s3:ListBucket"),
        ] {
            let s = statement(&policy, sid);
            assert_eq!(s["Principal"]["Service"], "config.amazonaws.com");
            assert_eq!(s["Action"], action);
            assert_eq!(s["Resource"], format!("arn:aws:s3:::{BUCKET}"));
            assert_eq!(s["Condition"]["StringEquals"]["AWS:SourceAccount"], ACCOUNT);
        }
        let delivery = statement(&policy, "AWSConfigBucketDelivery");
        assert_eq!(delivery["Action"], "s3:PutObject");
        assert_eq!(
            delivery["Resource"],
            format!("arn:aws:s3:::{BUCKET}/config/AWSLogs/{ACCOUNT}/Config/*")
        );
        assert_eq!(
            delivery["Condition"]["StringEquals"]["s3:x-amz-acl"],
            "bucket-owner-full-control"
        );
        assert_eq!(delivery["Condition"]["StringEquals"]["AWS:SourceAccount"], ACCOUNT);
    }

    #[test]
    fn statements_are_merged_by_sid_and_the_owners_are_kept() {
        let owners = r#"{"Version":"2012-10-17","Statement":{"Sid":"OwnersOwn","Effect":"Deny","Principal":"*","Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::b"}}"#;
        let with_trail = merged(Some(owners), &cloudtrail_statements(BUCKET, ACCOUNT, TRAIL)).expect("changed");
        let both = merged(Some(&with_trail), &config_statements(BUCKET, ACCOUNT)).expect("changed");
        let policy: Value = serde_json::from_str(&both).expect("json");
        let sids: Vec<&str> = policy["Statement"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|s| s["Sid"].as_str())
            .collect();
        assert_eq!(
            sids,
            [
                "OwnersOwn",
                "AWSCloudTrailAclCheck",
                "AWSCloudTrailWrite",
                "AWSConfigBucketPermissionsCheck",
                "AWSConfigBucketExistenceCheck",
                "AWSConfigBucketDelivery"
            ]
        );
        assert_eq!(
            merged(Some(&both), &config_statements(BUCKET, ACCOUNT)),
            None,
            "a second run changes nothing"
        );
    }
}
