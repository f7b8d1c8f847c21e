//! The translations (`locales/**/*.ftl`) are embedded by a macro that lists the folder at
//! build time: rebuild when a file there is added, changed or removed.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
