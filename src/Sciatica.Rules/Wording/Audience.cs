namespace Sciatica.Rules;

/// <summary>
/// Who reads a sentence of <see cref="Wording"/>: the person with sciatica, in plain words, or a clinician, in clinical
/// words. Both say the same action with the same "how soon" [CKS].
/// </summary>
/// <remarks>The zero value, <see cref="Person"/>, is the plain-words reader, so a default never shows clinical jargon to a patient.</remarks>
public enum Audience
{
    /// <summary>The person with sciatica: plain words (aimed at a reading age of 11 to 12), no rule ids, no source ids.</summary>
    Person = 0,

    /// <summary>A clinician: clinical words, rule ids and the full names of the clinical sources.</summary>
    Clinician = 1,
}
