//! The data an advocate writes, as Rust types: no I/O here.
//!
//! `submission.yaml` (+ `findings/*.yaml`) → [`Submission`]; `concluding-observations.yaml` →
//! [`ConcludingObservations`]; `assessment.yaml` → [`Assessment`].

pub mod article;
pub mod assessment;
pub mod citation;
pub mod co;
pub mod committee;
pub mod loi;
pub mod loi_assessment;
pub mod prose;
pub mod submission;

pub use article::Article;
pub use assessment::{Assessment, RecommendationAssessment, Reflection};
pub use citation::{Citation, parse_citations};
pub use co::ConcludingObservations;
pub use committee::Committee;
pub use prose::Markdown;
pub use submission::{Finding, Submission};
