//! JSON Schemas of the file formats, generated from the model; editors use them to complete
//! and check fields (`# yaml-language-server: $schema=…`). Copies are committed in `schema/`
//! and a test fails when they are stale.

use crate::cli::SchemaKind;
use crate::model::{Assessment, ConcludingObservations, Finding, Submission};

/// The schema of a file format, as pretty JSON.
pub fn json(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Submission => schemars::schema_for!(Submission),
        SchemaKind::Finding => schemars::schema_for!(Finding),
        SchemaKind::ConcludingObservations => schemars::schema_for!(ConcludingObservations),
        SchemaKind::Assessment => schemars::schema_for!(Assessment),
        SchemaKind::ListOfIssues => schemars::schema_for!(crate::model::loi::ListOfIssues),
    };
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
