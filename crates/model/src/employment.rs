//! Employment type text → `EmploymentType`.
use crate::posting::EmploymentType;

/// Letters only, lowercased: "Full-Time", "FULL_TIME", "full time" all become "fulltime".
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A structured employment-type field ("FullTime", "FULL_TIME", "Vollzeit", "CDI", …).
/// Fields naming several types ("Full-time, Contract") give the first recognised one.
pub fn normalize_employment_type(text: &str) -> Option<EmploymentType> {
    let whole = squash(text);
    if let Some(t) = exact(&whole) {
        return Some(t);
    }
    // "Full-time / Permanent", "Contract (6 months)", "Intern - Summer 2025"…
    text.split([',', '/', '|', ';', '(', ')', '·', '•', '-', '–'])
        .map(squash)
        .find_map(|part| exact(&part))
        .or_else(|| contains_cue(&whole))
}

fn exact(s: &str) -> Option<EmploymentType> {
    use EmploymentType::*;
    Some(match s {
        "fulltime" | "full" | "permanent" | "permanentfulltime" | "fulltimepermanent"
        | "regular" | "fulltimeemployee" | "fte" | "salaried" | "vollzeit" | "festanstellung"
        | "unbefristet" | "cdi" | "tempsplein" | "tiempocompleto" | "jornadacompleta"
        | "tempointegrale" | "heltid" | "voltijd" | "pelnyetat" | "etat" | "umowaopraca"
        | "clt" => FullTime,
        "parttime" | "part" | "teilzeit" | "tempspartiel" | "mediajornada" | "tiempoparcial"
        | "deltid" | "deeltijd" | "parttimepermanent" | "minijob" => PartTime,
        "contract"
        | "contractor"
        | "contracttohire"
        | "contracttoperm"
        | "freelance"
        | "freelancer"
        | "consultant"
        | "selfemployed"
        | "independentcontractor"
        | "b2b"
        | "contractor1099"
        | "1099"
        | "c2c"
        | "corptocorp"
        | "w2contract"
        | "fixedterm"
        | "fixedtermcontract"
        | "cdd"
        | "befristet"
        | "freiberuflich"
        | "honorarbasis"
        | "interim"
        | "zzp" => Contract,
        "temporary" | "temp" | "seasonal" | "temptohire" | "temptoperm" | "casual" | "aushilfe"
        | "interimaire" | "fixedtermtemporary" => Temporary,
        "intern" | "internship" | "interns" | "praktikum" | "praktikant" | "praktikantin"
        | "stage" | "stagiaire" | "alternance" | "apprentice" | "apprenticeship" | "ausbildung"
        | "werkstudent" | "werkstudentin" | "workingstudent" | "coop" | "coopinternship"
        | "trainee" | "graduateinternship" | "practicas" | "staz" | "studentjob" | "student"
        | "placement" | "summerinternship" => Internship,
        "volunteer" | "volunteering" | "voluntary" | "unpaid" | "ehrenamt" | "benevolat"
        | "benevole" => Volunteer,
        "perdiem" | "prn" | "asneeded" | "ondemand" => PerDiem,
        "other" | "others" | "misc" => Other,
        _ => return None,
    })
}

/// Field values that merely contain a cue: "Full-time employee (40h)", "Paid Internship".
fn contains_cue(s: &str) -> Option<EmploymentType> {
    use EmploymentType::*;
    const CUES: &[(&str, EmploymentType)] = &[
        ("parttime", PartTime),
        ("teilzeit", PartTime),
        ("fulltime", FullTime),
        ("vollzeit", FullTime),
        ("permanent", FullTime),
        ("internship", Internship),
        ("praktikum", Internship),
        ("coop", Internship),
        ("contract", Contract),
        ("freelance", Contract),
        ("temporary", Temporary),
        ("seasonal", Temporary),
        ("volunteer", Volunteer),
        ("perdiem", PerDiem),
    ];
    CUES.iter()
        .find(|(cue, _)| s.contains(cue))
        .map(|(_, t)| *t)
}

/// Employment type from a title and/or description when no structured field exists.
/// Only strong, explicit cues count ("Internship", "(Contract)", "part-time position");
/// a description that merely mentions contractors or interns says nothing.
pub fn employment_type_from_text(text: &str) -> Option<EmploymentType> {
    use EmploymentType::*;
    let lower = text.to_lowercase();
    let t = lower.as_str();
    // Phrases that state the position's own type. Order: the more specific first.
    const PHRASES: &[(&str, EmploymentType)] = &[
        ("unpaid internship", Internship),
        ("paid internship", Internship),
        ("internship program", Internship),
        ("summer internship", Internship),
        ("this internship", Internship),
        ("co-op position", Internship),
        ("co-op term", Internship),
        ("werkstudent", Internship),
        ("praktikum", Internship),
        ("contract-to-hire", Contract),
        ("contract to hire", Contract),
        ("contract position", Contract),
        ("contract role", Contract),
        ("contractor position", Contract),
        ("contractor role", Contract),
        ("freelance position", Contract),
        ("freelance role", Contract),
        ("fixed-term contract", Contract),
        ("fixed term contract", Contract),
        ("1099 contract", Contract),
        ("w2 contract", Contract),
        ("corp-to-corp", Contract),
        ("part-time position", PartTime),
        ("part time position", PartTime),
        ("part-time role", PartTime),
        ("part time role", PartTime),
        ("this is a part-time", PartTime),
        ("this is a part time", PartTime),
        ("(part-time)", PartTime),
        ("(part time)", PartTime),
        ("in teilzeit", PartTime),
        ("temporary position", Temporary),
        ("temporary role", Temporary),
        ("seasonal position", Temporary),
        ("this is a temporary", Temporary),
        ("(temporary)", Temporary),
        ("(temp)", Temporary),
        ("volunteer position", Volunteer),
        ("volunteer role", Volunteer),
        ("this is a volunteer", Volunteer),
        ("per diem position", PerDiem),
        ("(per diem)", PerDiem),
        ("(prn)", PerDiem),
        ("(contract)", Contract),
        ("(contractor)", Contract),
        ("(freelance)", Contract),
        ("(internship)", Internship),
        ("(intern)", Internship),
        ("(co-op)", Internship),
        ("full-time position", FullTime),
        ("full time position", FullTime),
        ("full-time role", FullTime),
        ("full time role", FullTime),
        ("this is a full-time", FullTime),
        ("this is a full time", FullTime),
        ("(full-time)", FullTime),
        ("(full time)", FullTime),
        ("full-time, permanent", FullTime),
        ("permanent position", FullTime),
        ("permanent role", FullTime),
        ("in vollzeit", FullTime),
        ("employment type: full", FullTime),
        ("employment type: part", PartTime),
        ("employment type: contract", Contract),
        ("employment type: intern", Internship),
        ("employment type: temp", Temporary),
    ];
    let mut best: Option<(usize, EmploymentType)> = None;
    for (p, ty) in PHRASES {
        if let Some(at) = t.find(p) {
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, *ty));
            }
        }
    }
    if best.is_some() {
        return best.map(|(_, ty)| ty);
    }
    // A title-like first line ending with the type: "Software Engineer Intern",
    // "Data Analyst - Contract", "Barista, Part-Time".
    let first = t.lines().next().unwrap_or("").trim();
    if first.len() <= 120 {
        let words: Vec<&str> = first
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        // "Intern - Software Engineering" / "Internship, Summer 2025".
        if matches!(words.first(), Some(&("intern" | "internship" | "co-op"))) {
            return Some(Internship);
        }
        // Only the last word: "Contract Manager" is a full-time job about contracts.
        if let Some(w) = words.last() {
            match *w {
                "intern" | "internship" | "co-op" | "coop" | "werkstudent" | "praktikant" => {
                    return Some(Internship)
                }
                "contract" | "contractor" | "freelance" | "freelancer" => return Some(Contract),
                "part-time" => return Some(PartTime),
                "temporary" | "temp" | "seasonal" => return Some(Temporary),
                "volunteer" => return Some(Volunteer),
                _ => {}
            }
        }
    }
    None
}
