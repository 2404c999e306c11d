using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>What would change a decision: the search for one profile (the tables it reads are built in ChangeSearch.cs).</summary>
internal sealed partial class ChangeSearch
{
    /// <summary>The search for one profile.</summary>
    private sealed class Search(ChangeSearch owner, PatientProfile profile)
    {
        private readonly Facts facts = Facts.Of(profile, owner.thresholds);
        private readonly List<(int Exercise, int Rule)> overridden = Overridden(owner, profile);

        private static List<(int, int)> Overridden(ChangeSearch owner, PatientProfile profile)
        {
            var list = new List<(int, int)>();
            foreach (var o in profile.ClinicianOverrides)
            {
                if (owner.exerciseById.TryGetValue(o.ExerciseId, out var e) && owner.exclusionById.TryGetValue(o.RuleId, out var r)
                    && owner.compiled.Exclusions[r].Strength == ContraindicationStrength.Relative)
                {
                    list.Add((e, r));
                }
            }

            return list;
        }

        private Facts Apply(Facts f, Atom atom) => atom.Kind switch
        {
            ChangeKind.MedicalClearance => f.WithYes(Facts.MedicalClearance, Facts.NoMedicalClearance),
            ChangeKind.SymptomsTolerateExercise => f.WithYes(Facts.SymptomsTolerateExercise, Facts.SymptomsDoNotTolerateExercise),
            ChangeKind.DirectionalPreference => f.WithPreference(atom.Value switch { Extension => DirectionalPreference.Extension, Flexion => DirectionalPreference.Flexion, _ => null }),
            ChangeKind.PoolAccess => f.WithYes(Facts.PoolAccess, Facts.NoPoolAccess),
            ChangeKind.LegPain => f.WithLegPain(atom.Value, owner.thresholds),
            ChangeKind.BackPain => f.WithBackPain(atom.Value, owner.thresholds),
            _ => f,
        };

        /// <summary>The changes worth trying for a target whose rules test <paramref name="tested"/>: each moves at least one of those facts.</summary>
        private List<Atom> Candidates(Facts tested, int exercise)
        {
            var atoms = new List<Atom>();
            void Try(Atom atom)
            {
                var changed = Apply(facts, atom);
                if (((changed.Low ^ facts.Low) & tested.Low) != 0 || ((changed.High ^ facts.High) & tested.High) != 0)
                {
                    atoms.Add(atom);
                }
            }

            if (!profile.MedicalClearance)
            {
                Try(new(ChangeKind.MedicalClearance, 0));
            }

            if (!profile.SymptomsTolerateExercise)
            {
                Try(new(ChangeKind.SymptomsTolerateExercise, 0));
            }

            var preference = profile.DirectionalPreference switch { DirectionalPreference.Extension => Extension, DirectionalPreference.Flexion => Flexion, _ => None };
            for (var value = None; value <= Flexion; value++)
            {
                if (value != preference)
                {
                    Try(new(ChangeKind.DirectionalPreference, value));
                }
            }

            if (exercise >= 0)
            {
                foreach (var r in owner.rulesOfClass[owner.compiled.ExerciseClass[exercise]])
                {
                    if (owner.compiled.Exclusions[r].Strength == ContraindicationStrength.Relative && !IsOverridden(exercise, r, null, null))
                    {
                        atoms.Add(new(ChangeKind.ClinicianOverride, r));
                    }
                }
            }

            if (!profile.PoolAccess)
            {
                Try(new(ChangeKind.PoolAccess, 0));
            }

            if (profile.LegPain > 0)
            {
                Try(new(ChangeKind.LegPain, 0));
            }

            if (profile.BackPain > 0)
            {
                Try(new(ChangeKind.BackPain, 0));
            }

            return atoms;
        }

        private bool IsOverridden(int exercise, int rule, Atom? first, Atom? second)
        {
            if ((first is { Kind: ChangeKind.ClinicianOverride } f && f.Value == rule)
                || (second is { Kind: ChangeKind.ClinicianOverride } s && s.Value == rule))
            {
                return true;
            }

            foreach (var (e, r) in overridden)
            {
                if (e == exercise && r == rule)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the changes reach the target: the goal decision, and for an exercise, the exercise included.</summary>
        private bool Reaches(int exercise, DecisionKind goal, Atom first, Atom? second)
        {
            var f = Apply(facts, first);
            if (second is { } s)
            {
                f = Apply(f, s);
            }

            // Screening is decided again only when a change moved a fact a screening rule tests.
            var moved = new Facts((f.Low ^ facts.Low) & owner.screeningTested.Low, (f.High ^ facts.High) & owner.screeningTested.High);
            var decision = exercise >= 0 && moved.IsEmpty ? DecisionKind.Program : owner.DecisionOf(f);
            if (decision != goal)
            {
                return false;
            }

            if (exercise < 0)
            {
                return true;
            }

            var exclusions = owner.compiled.Exclusions;
            foreach (var r in owner.rulesOfClass[owner.compiled.ExerciseClass[exercise]])
            {
                var rule = exclusions[r];
                if (!rule.When.Holds(f) || (rule.Lift is { } lift && lift.Holds(f)))
                {
                    continue;
                }

                if (rule.Strength == ContraindicationStrength.Relative && IsOverridden(exercise, r, first, second))
                {
                    continue;
                }

                return false;
            }

            return true;
        }

        /// <summary>The highest value of the pain change <paramref name="pain"/> (below the profile's) with which the changes reach the target, or -1.</summary>
        private int HighestPain(int exercise, DecisionKind goal, Atom pain, Atom? other, bool painFirst)
        {
            var current = pain.Kind == ChangeKind.LegPain ? profile.LegPain : profile.BackPain;
            for (var value = current - 1; value >= 0; value--)
            {
                var reached = other is not { } o ? Reaches(exercise, goal, pain.At(value), null)
                    : painFirst ? Reaches(exercise, goal, pain.At(value), o)
                    : Reaches(exercise, goal, o, pain.At(value));
                if (reached)
                {
                    return value;
                }
            }

            return -1;
        }

        public void ForDecision(List<Entry> found)
        {
            var atoms = Candidates(owner.screeningTested, -1);

            // The least urgent decision any patch reaches (pain at its lowest reaches the least urgent, as fewer facts hold).
            var current = owner.DecisionOf(facts);
            var goal = current;
            for (var i = 0; i < atoms.Count; i++)
            {
                var a = atoms[i];
                var alone = owner.DecisionOf(Apply(facts, a));
                goal = alone < goal ? alone : goal;
                for (var j = i + 1; j < atoms.Count; j++)
                {
                    if (Compatible(a, atoms[j]))
                    {
                        var both = owner.DecisionOf(Apply(Apply(facts, a), atoms[j]));
                        goal = both < goal ? both : goal;
                    }
                }
            }

            if (goal != current)
            {
                Minimal(atoms, -1, goal, found);
            }
        }

        public void ForExercise(int exercise, List<Entry> found)
        {
            var tested = owner.testedByClass[owner.compiled.ExerciseClass[exercise]].Or(owner.screeningTested);
            Minimal(Candidates(tested, exercise), exercise, DecisionKind.Program, found);
        }

        private static bool Compatible(Atom a, Atom b) => a.Kind != b.Kind || a.Kind == ChangeKind.ClinicianOverride;

        /// <summary>Every minimal patch of one or two changes that reaches the target.</summary>
        private void Minimal(List<Atom> atoms, int exercise, DecisionKind goal, List<Entry> found)
        {
            var alone = new bool[atoms.Count];
            for (var i = 0; i < atoms.Count; i++)
            {
                var a = atoms[i];
                if (a.IsPain)
                {
                    var value = HighestPain(exercise, goal, a, null, painFirst: true);
                    if (value >= 0)
                    {
                        alone[i] = true;
                        Add(found, exercise, goal, a.At(value), null);
                    }
                }
                else if (Reaches(exercise, goal, a, null))
                {
                    alone[i] = true;
                    Add(found, exercise, goal, a, null);
                }
            }

            for (var i = 0; i < atoms.Count; i++)
            {
                for (var j = i + 1; j < atoms.Count; j++)
                {
                    var (a, b) = (atoms[i], atoms[j]);
                    if (alone[i] || alone[j] || !Compatible(a, b))
                    {
                        continue;
                    }

                    if (a.IsPain && b.IsPain)
                    {
                        // Leg then back: the highest leg pain that works with back pain at its lowest, then the highest back pain with it.
                        var leg = HighestPain(exercise, goal, a, b.At(0), painFirst: true);
                        var back = leg < 0 ? -1 : HighestPain(exercise, goal, b, a.At(leg), painFirst: false);
                        if (back >= 0)
                        {
                            Add(found, exercise, goal, a.At(leg), b.At(back));
                        }
                    }
                    else if (a.IsPain || b.IsPain)
                    {
                        var painFirst = a.IsPain;
                        var value = HighestPain(exercise, goal, painFirst ? a : b, painFirst ? b : a, painFirst);
                        if (value >= 0)
                        {
                            Add(found, exercise, goal, painFirst ? a.At(value) : a, painFirst ? b : b.At(value));
                        }
                    }
                    else if (Reaches(exercise, goal, a, b))
                    {
                        Add(found, exercise, goal, a, b);
                    }
                }
            }
        }

        private void Add(List<Entry> found, int exercise, DecisionKind goal, Atom first, Atom? second)
        {
            var patch = new ProfilePatch();
            List<ClinicianOverride>? overrides = null;
            foreach (var atom in second is { } s ? [first, s] : new[] { first })
            {
                switch (atom.Kind)
                {
                    case ChangeKind.MedicalClearance:
                        patch = patch with { MedicalClearance = true };
                        break;
                    case ChangeKind.SymptomsTolerateExercise:
                        patch = patch with { SymptomsTolerateExercise = true };
                        break;
                    case ChangeKind.DirectionalPreference:
                        patch = patch with { SetsDirectionalPreference = true, DirectionalPreference = atom.Value switch { Extension => DirectionalPreference.Extension, Flexion => DirectionalPreference.Flexion, _ => null } };
                        break;
                    case ChangeKind.ClinicianOverride:
                        overrides ??= [.. profile.ClinicianOverrides];
                        overrides.Add(new ClinicianOverride { ExerciseId = owner.compiled.Exercises[exercise].Id, RuleId = owner.compiled.Exclusions[atom.Value].Id, Reason = ChangeWording.OverrideReason });
                        break;
                    case ChangeKind.PoolAccess:
                        patch = patch with { PoolAccess = true };
                        break;
                    case ChangeKind.LegPain:
                        patch = patch with { LegPain = atom.Value };
                        break;
                    default:
                        patch = patch with { BackPain = atom.Value };
                        break;
                }
            }

            if (overrides is not null)
            {
                // As a profile keeps them: by exercise id, then rule id, then reason.
                overrides.Sort(static (x, y) =>
                    string.CompareOrdinal(x.ExerciseId, y.ExerciseId) is var byExercise and not 0 ? byExercise
                    : string.CompareOrdinal(x.RuleId, y.RuleId) is var byRule and not 0 ? byRule
                    : string.CompareOrdinal(x.Reason, y.Reason));
                patch = patch with { ClinicianOverrides = overrides };
            }

            var firstWords = Words(first);
            var secondWords = second is { } t ? Words(t) : null;
            if (first.Kind == ChangeKind.ClinicianOverride && second is { Kind: ChangeKind.ClinicianOverride } both)
            {
                firstWords = ChangeWording.TwoOverrides(owner.compiled.Exclusions[first.Value].Id, owner.compiled.Exclusions[both.Value].Id);
                secondWords = null;
            }
            var explanation = exercise < 0
                ? ChangeWording.ForDecision(goal, firstWords, secondWords)
                : ChangeWording.ForExercise(owner.compiled.Exercises[exercise].Name, firstWords, secondWords);
            var change = new SuggestedChange
            {
                Target = exercise < 0 ? SuggestedChange.DecisionTarget : owner.compiled.Exercises[exercise].Id,
                Gives = exercise < 0 ? ContractNames.Of(goal) : SuggestedChange.Included,
                Patch = patch,
                Explanation = explanation,
            };
            found.Add(new Entry(exercise, second is null ? 1 : 2, change));
        }

        private string Words(Atom atom) =>
            ChangeWording.Change(atom.Kind, atom.Value, atom.Kind == ChangeKind.ClinicianOverride ? owner.compiled.Exclusions[atom.Value].Id : null);
    }
}
