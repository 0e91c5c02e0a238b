//! Reading the advocate's files: YAML into the model, with every problem located.
//!
//! A YAML file goes through four steps, each of which can only report in the user's
//! coordinates (file, line, column, key path):
//! 1. [`read_text`]: size, encoding and byte-order-mark checks, before any parsing;
//! 2. serde_yaml parses it into a [`node::Node`] tree (syntax errors, alias bombs, nesting);
//! 3. [`validate`] checks the tree against the model's JSON Schema and collects *all*
//!    problems (unknown and duplicate keys, missing fields, wrong types, unknown values);
//! 4. only then serde_yaml deserializes the typed model.

pub mod budget;
mod files;
mod folder;
pub mod images;
mod loaded;
pub mod locate;
pub mod node;
pub mod prose;
pub mod validate;
pub mod version;
mod yaml;

pub use files::*;
pub use folder::*;
pub use loaded::*;
pub use yaml::*;

pub use crate::fs::boundary::MAX_FILE_BYTES;

/// The name of the main file of a submission folder.
pub const SUBMISSION_FILE: &str = "submission.yaml";
/// The folder of one-finding-per-file YAML.
pub const FINDINGS_DIR: &str = "findings";
/// The concluding observations, written by `import-co`.
pub const CO_FILE: &str = "concluding-observations.yaml";
/// The concluding observations of the review before (the ones the findings'
/// `previous_observations` cite), written by `import-co --previous`.
pub const PREVIOUS_CO_FILE: &str = "previous-concluding-observations.yaml";
/// The follow-up assessment.
pub const ASSESSMENT_FILE: &str = "assessment.yaml";
/// The list of issues, written by `import-loi`.
pub const LOI_FILE: &str = "list-of-issues.yaml";
/// Which of the suggested questions the list of issues asks, drafted by `suggest`.
pub const LOI_ASSESSMENT_FILE: &str = "loi-assessment.yaml";
