//! Reading the model from JSON, strictly: errors name the field, and nothing may follow the document.

use serde::Deserialize;

use crate::Error;

/// A JSON document to read one model value from: `&mut serde_json::Deserializer<R>` for any of serde_json's
/// readers (`from_str`, `from_slice`, `from_reader`), or a `&serde_json::Value` already parsed (one row of a
/// list, for instance), which is whole by construction.
///
/// [`deserialize`] needs to know where the document ends, to refuse whatever follows it (`{…} garbage`, two
/// documents back to back); a generic serde `Deserializer` cannot tell it that, so the crate reads JSON through
/// this trait. The trait is sealed: the crate decides which inputs it can read strictly.
pub trait JsonInput<'de>: sealed::Sealed {
    /// Reads one value of `T`, then checks that only whitespace follows.
    ///
    /// # Errors
    /// As [`deserialize`].
    fn read_whole<T: Deserialize<'de>>(self) -> Result<T, Error>;
}

mod sealed {
    pub trait Sealed {}
    impl<'de, R: serde_json::de::Read<'de>> Sealed for &mut serde_json::Deserializer<R> {}
    impl Sealed for &serde_json::Value {}
}

impl<'de> JsonInput<'de> for &'de serde_json::Value {
    fn read_whole<T: Deserialize<'de>>(self) -> Result<T, Error> {
        serde_path_to_error::deserialize(self).map_err(|e| Error::Deserialize {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })
    }
}

impl<'de, R: serde_json::de::Read<'de>> JsonInput<'de> for &mut serde_json::Deserializer<R> {
    fn read_whole<T: Deserialize<'de>>(self) -> Result<T, Error> {
        let value =
            serde_path_to_error::deserialize(&mut *self).map_err(|e| Error::Deserialize {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        self.end().map_err(|e| Error::Deserialize {
            path: ".".to_owned(),
            message: format!("more data after the end of the document: {e}"),
        })?;
        Ok(value)
    }
}

/// Reads any model type from one JSON document and, on failure, names the path of the offending field.
///
/// The crate does no I/O: pass a serde_json deserializer over text you have read, for instance
/// `&mut serde_json::Deserializer::from_str(text)`. The whole input must be the one document: anything after
/// it but whitespace (a stray `garbage`, a second document) is refused, never ignored. Unknown fields are
/// refused too, in every type.
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
///
/// let two = r#"{ "id": "A1", "source": "gov_cn_message", "county": "郏县", "registered_on": "2025-03-03" } {}"#;
/// let err = wage_arrears::deserialize::<Clue, _>(&mut serde_json::Deserializer::from_str(two)).unwrap_err();
/// assert!(err.to_string().contains("more data after the end of the document"), "{err}");
/// ```
///
/// # Errors
/// [`Error::Deserialize`] with the path (`[3].agreement.pay_by`) and serde's message; the path `.` and the
/// message `more data after the end of the document: trailing characters at line 1 column 7` when something
/// follows the document.
pub fn deserialize<'de, T, D>(input: D) -> Result<T, Error>
where
    T: Deserialize<'de>,
    D: JsonInput<'de>,
{
    input.read_whole()
}

/// Reads a value of the derived record type `T` from an object (a map) only, naming what was expected in the
/// crate's public terms (`a clue (a JSON object)`) rather than the private record type's name, and refusing a
/// list where an object belongs (serde's derive would read a struct from a list of its field values).
pub(crate) fn object<'de, T, D>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
where
    T: Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    struct Object<T> {
        expecting: &'static str,
        record: std::marker::PhantomData<T>,
    }
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Object<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(Object {
        expecting,
        record: std::marker::PhantomData,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Clue;

    const CLUE: &str = r#"{ "id": "A1", "source": "gov_cn_message", "county": "郏县", "registered_on": "2025-03-03" }"#;

    fn read(text: &str) -> Result<Clue, Error> {
        deserialize(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn a_document_followed_by_anything_but_whitespace_is_refused() {
        assert!(read(CLUE).is_ok());
        assert!(read(&format!(" \n{CLUE}\n\t ")).is_ok());
        for tail in [" garbage", " {}", &format!(" {CLUE}"), "]", ",", "x"] {
            let err = read(&format!("{CLUE}{tail}")).unwrap_err();
            let Error::Deserialize { path, message } = &err else {
                panic!("{err:?}");
            };
            assert_eq!(path, ".");
            assert!(
                message.starts_with("more data after the end of the document"),
                "{message}"
            );
        }
        let bytes = format!("{CLUE} 1");
        let from_slice: Result<Clue, Error> =
            deserialize(&mut serde_json::Deserializer::from_slice(bytes.as_bytes()));
        assert!(from_slice.is_err());
    }

    #[test]
    fn a_clue_given_as_a_list_names_what_was_expected_in_public_terms() {
        for text in ["[]", "[1]", "42", "\"x\"", "null"] {
            let err = read(text).unwrap_err().to_string();
            assert!(
                err.contains("expected a clue (a JSON object)"),
                "{text}: {err}"
            );
            assert!(!err.contains("ClueRecord"), "{err}");
        }
    }
}
