//! Section headings across common variants (English, German, French, Spanish).

use hirekit_model::location::fold;
use hirekit_model::profile::SectionKind;

use super::Line;

/// Folded heading → kind. Folding drops accents, case, dots and punctuation ("&" → " ").
const HEADINGS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Experience,
        &[
            "experience", "work experience", "professional experience", "employment history", "employment",
            "work history", "career history", "professional background", "relevant experience", "experiences",
            "employment experience", "work experience and internships", "internships", "internship",
            "professional history", "job history", "working experience", "industrial experience",
            "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang", "praxiserfahrung", "erfahrung",
            "werdegang", "berufspraxis", "experience professionnelle", "experiences professionnelles",
            "parcours professionnel", "experience", "experiencia laboral", "experiencia profesional",
            "experiencia", "trayectoria profesional", "historial laboral",
        ],
    ),
    (
        SectionKind::Education,
        &[
            "education", "academic background", "educational qualification", "educational qualifications",
            "academic qualifications", "academic qualification", "academic profile", "education and training",
            "educational background", "academics", "qualifications", "academic details", "education details",
            "ausbildung", "bildung", "bildungsweg", "studium", "schulbildung", "akademischer werdegang",
            "formation", "formations", "etudes", "formation academique", "parcours academique", "educacion",
            "formacion", "formacion academica", "estudios",
        ],
    ),
    (
        SectionKind::Skills,
        &[
            "skills", "technical skills", "core competencies", "competencies", "key skills", "skill highlights",
            "skills summary", "summary of skills", "areas of expertise", "expertise", "technologies",
            "it skills", "computer skills", "technical expertise", "skill set", "skillset", "core skills",
            "professional skills", "technical proficiencies", "tools and technologies", "tech stack",
            "software skills", "highlights", "qualifications summary", "skills and abilities", "it proficiency",
            "kenntnisse", "fahigkeiten", "fachkenntnisse", "it kenntnisse", "edv kenntnisse", "kompetenzen",
            "technische kenntnisse", "competences", "competences techniques", "competences cles",
            "habilidades", "competencias", "conocimientos", "aptitudes", "habilidades tecnicas",
        ],
    ),
    (
        SectionKind::Summary,
        &[
            "summary", "professional summary", "profile", "career objective", "objective", "about me",
            "career summary", "executive summary", "professional profile", "personal profile", "overview",
            "personal statement", "career profile", "summary of qualifications", "professional overview",
            "profil", "zusammenfassung", "uber mich", "kurzprofil", "profil professionnel", "a propos",
            "a propos de moi", "perfil", "resumen", "sobre mi", "perfil profesional", "objetivo",
        ],
    ),
    (
        SectionKind::Projects,
        &[
            "projects", "project", "personal projects", "academic projects", "key projects", "project details",
            "side projects", "open source", "projekte", "projets", "proyectos", "project experience",
        ],
    ),
    (
        SectionKind::Certifications,
        &[
            "certifications", "certification", "certificates", "licenses", "licenses and certifications",
            "licences", "certifications and licenses", "courses", "training", "trainings", "courses and certifications",
            "professional development", "zertifikate", "zertifizierungen", "weiterbildung", "weiterbildungen",
            "certificats", "certifications professionnelles", "certificaciones", "cursos", "certificados",
        ],
    ),
    (
        SectionKind::Languages,
        &[
            "languages", "language skills", "language", "languages known", "sprachen", "sprachkenntnisse",
            "langues", "competences linguistiques", "idiomas", "lenguas",
        ],
    ),
    (
        SectionKind::Contact,
        &[
            "contact", "contact information", "contact details", "personal details", "personal information",
            "kontakt", "kontaktdaten", "personliche daten", "coordonnees", "contacto", "datos personales",
        ],
    ),
    (
        SectionKind::Other,
        &[
            "awards", "honors", "honors and awards", "awards and honors", "achievements", "accomplishments",
            "publications", "interests", "hobbies", "hobbies and interests", "references", "volunteer",
            "volunteer experience", "volunteering", "activities", "extracurricular activities",
            "additional information", "community service", "affiliations", "memberships",
            "professional affiliations", "declaration", "interessen", "hobbys", "referenzen", "auszeichnungen",
            "loisirs", "centres d interet", "interets", "distinctions", "intereses", "referencias", "premios",
            "personality traits", "strengths", "military service", "presentations", "patents",
        ],
    ),
];

pub fn kind_of(folded: &str) -> Option<SectionKind> {
    HEADINGS
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(k, _)| *k)
}

/// A heading found on a line: its kind, the heading text, and where the section's content
/// starts (after the heading line, or after the colon of "Skills: Python, Go").
pub struct Heading {
    pub kind: SectionKind,
    pub text: String,
    pub line: usize,
    pub content_start: usize,
}

pub fn heading(lines: &[Line], i: usize) -> Option<Heading> {
    let l = &lines[i];
    let raw = l.text.trim();
    if raw.is_empty() || raw.len() > 80 {
        return None;
    }
    let body = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lead = raw.len() - body.len();
    // "Skills: Python, Go" — a heading with its content on the same line.
    if let Some(colon) = body.find(':') {
        let head = &body[..colon];
        let rest = body[colon + 1..].trim();
        if !rest.is_empty() {
            let folded = fold(head);
            if folded.split(' ').count() <= 4 {
                if let Some(kind) = kind_of(&folded) {
                    // Entry-like kinds rarely fit on one line; only list-like ones do.
                    if matches!(kind, SectionKind::Skills | SectionKind::Languages | SectionKind::Certifications | SectionKind::Summary) {
                        let off = l.start + (l.text.len() - l.text.trim_start().len()) + lead + colon + 1;
                        return Some(Heading {
                            kind,
                            text: head.trim().to_string(),
                            line: i,
                            content_start: off,
                        });
                    }
                }
            }
            return None;
        }
    }
    let clean = body.trim_end_matches([':', ' ', '-', '–', '—', '|']);
    let folded = fold(clean);
    if folded.is_empty() || folded.split(' ').count() > 6 {
        return None;
    }
    let kind = kind_of(&folded)?;
    // A lone word like "Experience" inside a sentence line is not a heading: the whole line
    // must be the heading, which the exact match already ensures.
    Some(Heading {
        kind,
        text: clean.to_string(),
        line: i,
        content_start: l.end,
    })
}
