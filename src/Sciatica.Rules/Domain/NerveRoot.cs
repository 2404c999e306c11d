namespace Sciatica.Rules;

/// <summary>
/// A lumbar or sacral nerve root affected by the sciatica. An L4/L5 disc usually compresses the L5 root,
/// an L5/S1 disc the S1 root. Recorded for the clinician; the default rule set does not change the program
/// by root, and weakness that is progressing is an urgent referral whatever the root [CKS].
/// </summary>
public enum NerveRoot
{
    /// <summary>The L4 root: reduced knee jerk, weak knee extension, numbness of the medial shin.</summary>
    L4,

    /// <summary>The L5 root: weak big-toe extension and ankle dorsiflexion, numbness of the top of the foot.</summary>
    L5,

    /// <summary>The S1 root: weak calf (standing on tiptoe), reduced ankle jerk, numbness of the outer foot.</summary>
    S1,
}
