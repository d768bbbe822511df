//! Reading the model from JSON (or any serde format) with errors that name the field.

use serde::{Deserialize, Deserializer};

use crate::Error;

/// Deserialises any model type and, on failure, names the path of the offending field.
///
/// The crate does no I/O and does not pick a format: pass any serde deserializer, for instance
/// `&mut serde_json::Deserializer::from_str(text)`.
///
/// ```
/// use wage_arrears::{Clue, Error};
///
/// let json = r#"[{ "id": "A1", "source": "gov_cn_message", "county": "郏县",
///                  "registered_on": "2025-03-03", "conclusion": 11 }]"#;
/// let err = wage_arrears::deserialize::<Vec<Clue>, _>(&mut serde_json::Deserializer::from_str(json)).unwrap_err();
/// let Error::Deserialize { path, message } = err else { panic!() };
/// assert_eq!(path, "[0].conclusion");
/// assert!(message.contains("conclusion code 11"));
/// ```
///
/// # Errors
/// [`Error::Deserialize`] with the path (`[3].agreement.pay_by`) and serde's message.
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|e| Error::Deserialize {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}
