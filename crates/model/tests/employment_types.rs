use hirekit_model::employment::{employment_type_from_text, normalize_employment_type};
use hirekit_model::EmploymentType::{self, *};

#[test]
fn structured_values() {
    let cases: &[(&str, EmploymentType)] = &[
        ("FullTime", FullTime),
        ("Full-time", FullTime),
        ("FULL_TIME", FullTime),
        ("full time", FullTime),
        ("Permanent", FullTime),
        ("Vollzeit", FullTime),
        ("CDI", FullTime),
        ("Part-time", PartTime),
        ("PART_TIME", PartTime),
        ("Teilzeit", PartTime),
        ("Contract", Contract),
        ("Contractor", Contract),
        ("CONTRACTOR", Contract),
        ("Freelance", Contract),
        ("CDD", Contract),
        ("Temporary", Temporary),
        ("TEMPORARY", Temporary),
        ("Temp", Temporary),
        ("Intern", Internship),
        ("INTERN", Internship),
        ("Internship", Internship),
        ("Praktikum", Internship),
        ("Stage", Internship),
        ("Co-op", Internship),
        ("Volunteer", Volunteer),
        ("VOLUNTEER", Volunteer),
        ("Per diem", PerDiem),
        ("PER_DIEM", PerDiem),
        ("OTHER", Other),
        ("Full-time / Permanent", FullTime),
        ("Contract (6 months)", Contract),
        ("Full-time employee", FullTime),
        ("permanent", FullTime),
        ("Paid Internship", Internship),
        // Values as they occur in /work/shared/data job files.
        ("Full Time Employee", FullTime),
        ("full_time", FullTime),
        ("part_time", PartTime),
        ("CONTRACT", Contract),
        ("INTERNSHIP", Internship),
        ("Full-Time", FullTime),
        ("Other", Other),
    ];
    for (s, want) in cases {
        assert_eq!(normalize_employment_type(s), Some(*want), "{s}");
    }
    for s in ["", "  ", "Engineering", "Remote", "42"] {
        assert_eq!(normalize_employment_type(s), None, "{s}");
    }
}

#[test]
fn from_text_only_strong_cues() {
    assert_eq!(
        employment_type_from_text("Software Engineer Intern"),
        Some(Internship)
    );
    assert_eq!(
        employment_type_from_text("Data Analyst (Contract)"),
        Some(Contract)
    );
    assert_eq!(
        employment_type_from_text("Barista\nThis is a part-time position, 20h a week."),
        Some(PartTime)
    );
    assert_eq!(
        employment_type_from_text("Backend Engineer\nThis is a full-time role based in Berlin."),
        Some(FullTime)
    );
    assert_eq!(
        employment_type_from_text(
            "Senior Engineer\nYou will mentor interns and work with contractors."
        ),
        None
    );
    assert_eq!(employment_type_from_text("Internal Tools Engineer"), None);
    assert_eq!(employment_type_from_text("Contract Manager"), None);
}
