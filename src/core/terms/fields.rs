//! The work-terms form's fields: their names, kinds, limits, defaults and link tags.
//!
//! The template (`data/terms/clauses.toml`) names these fields in its `{placeholders}`, so this
//! file is also compiled into `build.rs` (via `#[path]`) to check every name at build time. It
//! depends only on serde.
//!
//! A field's `tag` is its number in the share link. Tags are never reused or renumbered, and a
//! field's default never changes within a link format: a link leaves out every field that holds
//! its default, so a changed default would silently change what old links mean (the tests pin
//! the defaults against a recorded link).

use serde::{Deserialize, Serialize};

/// Longest name of a party, in characters.
pub const MAX_NAME: usize = 80;
/// Longest address or contact line of a party.
pub const MAX_CONTACT: usize = 120;
/// Longest name of the service.
pub const MAX_SERVICE: usize = 120;
/// Longest list of what is (or is not) included.
pub const MAX_SCOPE: usize = 600;
/// Longest description of what a trial measures.
pub const MAX_MEASURE: usize = 200;
/// Longest place of signing.
pub const MAX_PLACE: usize = 60;
/// Longest date of signing, as the provider writes it.
pub const MAX_DATE: usize = 40;
/// The largest amount of rupiah a money field holds: far above any freelance fee, and it keeps
/// an amount within six bytes of a link.
pub const MAX_RUPIAH: u64 = 999_999_999_999;

/// What a field holds, which decides how the form edits it, how it is checked, written into a
/// clause and carried in a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The user's own words: at most `max` characters; line breaks only when `multiline`.
    Text { max: usize, multiline: bool },
    /// Whole rupiah, 0 to `MAX_RUPIAH`; 0 is printed as a blank to fill in by hand.
    Money,
    /// A whole number from `min` to `max`, written as digits.
    Number { min: u16, max: u16 },
    /// An hour of the day, 0 to 24 (24 closes a day that ends at midnight).
    Hour,
    /// Weekdays as bits, Monday the lowest.
    Days,
    /// One of `count` options whose words the template gives (`[[choices]]`).
    Choice { count: u8 },
    /// On or off; a paragraph of a clause can depend on it (`when` / `unless`).
    Switch,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    /// The field's number in the share link (1-127, unique, never reused).
    pub tag: u8,
}

impl FieldSpec {
    /// The character limit of a text field (for the form's counter); `None` for other kinds.
    #[must_use]
    pub fn max_chars(&self) -> Option<usize> {
        match self.kind {
            Kind::Text { max, .. } => Some(max),
            _ => None,
        }
    }
}

/// A field's value, whatever its kind: numbers of every numeric kind are `Number`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Text(&'a str),
    Number(u64),
    Switch(bool),
}

impl Value<'_> {
    /// Whether a paragraph that says `when = <this field>` is shown: text that is not blank, a
    /// number that is not zero, a switch that is on.
    #[must_use]
    pub fn is_set(&self) -> bool {
        match self {
            Value::Text(text) => !text.trim().is_empty(),
            Value::Number(n) => *n != 0,
            Value::Switch(on) => *on,
        }
    }
}

/// The Rust types fields are stored as.
pub trait FieldType {
    fn as_value(&self) -> Value<'_>;
    /// Stores `value` when it has this type's shape; `false` (and nothing stored) otherwise.
    fn set_from(&mut self, value: Value<'_>) -> bool;
}

impl FieldType for String {
    fn as_value(&self) -> Value<'_> {
        Value::Text(self)
    }
    fn set_from(&mut self, value: Value<'_>) -> bool {
        match value {
            Value::Text(text) => {
                text.clone_into(self);
                true
            }
            _ => false,
        }
    }
}

impl FieldType for bool {
    fn as_value(&self) -> Value<'_> {
        Value::Switch(*self)
    }
    fn set_from(&mut self, value: Value<'_>) -> bool {
        match value {
            Value::Switch(on) => {
                *self = on;
                true
            }
            _ => false,
        }
    }
}

macro_rules! number_field_type {
    ($($type:ty),*) => {$(
        impl FieldType for $type {
            fn as_value(&self) -> Value<'_> {
                Value::Number(u64::from(*self))
            }
            fn set_from(&mut self, value: Value<'_>) -> bool {
                match value {
                    Value::Number(n) => match <$type>::try_from(n) {
                        Ok(n) => {
                            *self = n;
                            true
                        }
                        Err(_) => false,
                    },
                    _ => false,
                }
            }
        }
    )*};
}

number_field_type!(u8, u16, u64);

/// Declares the fields once: the `Fields` struct the page edits (and JSON carries), its
/// defaults, the `FIELDS` table the template, the validator and the link codec read, and access
/// by name so rendering and the codec need no per-field code.
macro_rules! fields {
    ($(
        $(#[doc = $doc:literal])*
        $tag:literal $name:ident: $type:ty = $default:expr, $kind:expr;
    )*) => {
        /// Every value of the form, each with a sensible default.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct Fields {
            $($(#[doc = $doc])* pub $name: $type,)*
        }

        impl Default for Fields {
            fn default() -> Fields {
                Fields { $($name: $default,)* }
            }
        }

        /// How many fields there are.
        pub const FIELD_COUNT: usize = [$(stringify!($name)),*].len();

        /// Every field, in form order.
        pub const FIELDS: &[FieldSpec] = &[
            $(FieldSpec { name: stringify!($name), kind: $kind, tag: $tag },)*
        ];

        impl Fields {
            /// The value of the field called `name`.
            #[must_use]
            pub fn get(&self, name: &str) -> Option<Value<'_>> {
                match name {
                    $(stringify!($name) => Some(self.$name.as_value()),)*
                    _ => None,
                }
            }

            /// Stores `value` in the field called `name`; `false` for an unknown name or a
            /// value of the wrong shape (limits are `validate`'s business).
            pub fn set(&mut self, name: &str, value: Value<'_>) -> bool {
                match name {
                    $(stringify!($name) => self.$name.set_from(value),)*
                    _ => false,
                }
            }

            /// Every value, in `FIELDS` order: the codec and the validator walk all fields,
            /// and finding each by name would compare strings dozens of times.
            #[must_use]
            pub fn values(&self) -> [Value<'_>; FIELD_COUNT] {
                [$(self.$name.as_value(),)*]
            }

            /// `set` for the field at `index` of `FIELDS`.
            pub fn set_at(&mut self, index: usize, value: Value<'_>) -> bool {
                let mut i = 0;
                $(
                    if i == index {
                        return self.$name.set_from(value);
                    }
                    i += 1;
                )*
                let _ = i;
                false
            }
        }
    };
}

/// The one spec with this name.
#[must_use]
pub fn spec(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|spec| spec.name == name)
}

const fn text(max: usize) -> Kind {
    Kind::Text {
        max,
        multiline: false,
    }
}

const fn lines(max: usize) -> Kind {
    Kind::Text {
        max,
        multiline: true,
    }
}

const fn number(min: u16, max: u16) -> Kind {
    Kind::Number { min, max }
}

/// Monday to Friday.
pub const WEEKDAYS: u8 = 0b001_1111;

fields! {
    /// The provider's name (a person or a business).
    1 provider_name: String = String::new(), text(MAX_NAME);
    /// The provider's address or contact line.
    2 provider_contact: String = String::new(), text(MAX_CONTACT);
    /// The client's name.
    3 client_name: String = String::new(), text(MAX_NAME);
    /// The client's address or contact line.
    4 client_contact: String = String::new(), text(MAX_CONTACT);
    /// What the service is, in a few words.
    5 service: String = String::new(), text(MAX_SERVICE);
    /// What the work includes (one item a line is fine).
    6 included: String = String::new(), lines(MAX_SCOPE);
    /// What the work does not include.
    7 excluded: String = String::new(), lines(MAX_SCOPE);
    /// Days from the start to delivery; 0 leaves the deadline out.
    8 deadline_days: u16 = 0, number(0, 365);
    /// Working days, Monday the lowest bit.
    9 work_days: u8 = WEEKDAYS, Kind::Days;
    /// Working hours start (hour of the day).
    10 hours_start: u8 = 9, Kind::Hour;
    /// Working hours end.
    11 hours_end: u8 = 17, Kind::Hour;
    /// 0 WIB, 1 WITA, 2 WIT.
    12 time_zone: u8 = 0, Kind::Choice { count: 3 };
    /// Longest wait for a reply to a message sent in working hours, in working hours.
    13 reply_inside_hours: u16 = 4, number(1, 72);
    /// Longest wait for a reply to a message sent outside working hours, counted from the
    /// start of the next working hours.
    14 reply_outside_hours: u16 = 2, number(1, 72);
    /// A paid on-call tier outside working hours instead of none.
    15 on_call: bool = false, Kind::Switch;
    /// The on-call tier's price per month.
    16 on_call_price: u64 = 0, Kind::Money;
    /// How soon the on-call tier answers an incident, in minutes.
    17 on_call_response_minutes: u16 = 60, number(5, 1440);
    /// Revision rounds included in the price.
    18 revisions: u16 = 2, number(0, 20);
    /// The price of each further round.
    19 revision_rate: u64 = 0, Kind::Money;
    /// The whole fee (or the monthly fee on a monthly schedule).
    20 price: u64 = 0, Kind::Money;
    /// Whether tax is included in the price.
    21 price_includes_tax: bool = false, Kind::Switch;
    /// Share of the fee paid before work starts; 0 for none.
    22 deposit_percent: u16 = 50, number(0, 100);
    /// 0 on handover, 1 monthly in advance, 2 per approved stage.
    23 payment_schedule: u8 = 0, Kind::Choice { count: 3 };
    /// Days the client has to pay an invoice.
    24 due_days: u16 = 7, number(1, 90);
    /// Days a payment may be late before work pauses.
    25 late_pause_days: u16 = 3, number(1, 90);
    /// How long a prospect's quote stays valid, in days.
    26 quote_valid_days: u16 = 14, number(1, 90);
    /// Length of the trial before the first payment, in days.
    27 trial_days: u16 = 14, number(1, 60);
    /// What the trial measures.
    28 trial_measure: String = String::new(), lines(MAX_MEASURE);
    /// The CPU share a hosting client may use on average...
    29 cpu_percent: u16 = 15, number(1, 100);
    /// ...over a window of this many minutes.
    30 cpu_window_minutes: u16 = 90, number(1, 1440);
    /// Days of written notice either side gives to end the work.
    31 notice_days: u16 = 14, number(1, 90);
    /// Days after the end to hand over the client's work, data and access.
    32 handover_days: u16 = 7, number(1, 90);
    /// A confirming email also records acceptance.
    33 evidence_email: bool = true, Kind::Switch;
    /// A recording made with both parties' consent may record the agreement.
    34 evidence_recording: bool = false, Kind::Switch;
    /// Where the agreement is signed.
    35 place: String = String::new(), text(MAX_PLACE);
    /// When it is signed, as the provider writes dates.
    36 date: String = String::new(), text(MAX_DATE);
    /// Which text prevails in a bilingual agreement: 0 Indonesian, 1 English.
    37 prevailing: u8 = 0, Kind::Choice { count: 2 };
}
