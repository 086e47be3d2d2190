//! Money: exact PLN amounts (`rust_decimal`, never floats), parsed from what people type and
//! shown the Polish way (`148 543,63 zł`). Stored in files as decimal strings (`"148543.63"`).

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in PLN.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    pub fn new(d: Decimal) -> Amount {
        Amount(d)
    }
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl std::ops::Add for Amount {
    type Output = Amount;
    fn add(self, o: Amount) -> Amount {
        Amount(self.0 + o.0)
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;
    fn sub(self, o: Amount) -> Amount {
        Amount(self.0 - o.0)
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |a, b| a + b)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.trim()
            .parse::<Decimal>()
            .ok()
            .filter(|_| !s.trim().contains(['e', 'E']))
            .map(Amount)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "kwota \"{s}\" nie jest liczbą (oczekiwano np. \"148543.63\")"
                ))
            })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "description": "Kwota w złotych jako liczba dziesiętna w zapisie tekstowym, np. \"148543.63\""
        })
    }
}
