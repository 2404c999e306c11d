using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// One <c>patient-view</c> call: read the request within limits, find the intake, check that it is this patient's current
/// record, decide, and answer with one card, no card, 412 when the data cannot be had, or 400 naming what is wrong. Never
/// a card that guesses, never a 500 for anything a client sends.
/// </summary>
internal sealed class HookService(IProgramSelector engine, Fetching fetching, IOptions<SciaticaCdsHooksOptions> options, TimeProvider time)
{
    private readonly IntakeLocator locator = new(fetching, options);

    public async Task<IResult> InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        var (body, error) = await Problems.ReadJsonBody(context.Request, settings.MaximumRequestBytes).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var (document, jsonProblem) = BoundedJson.Parse(body);
        if (document is null)
        {
            return Problems.BadRequest("The hook request is not JSON this service reads.", jsonProblem!);
        }

        using (document)
        {
            var (request, problems) = HookRequest.Read(document.RootElement);
            if (request is null)
            {
                return Results.ValidationProblem(problems, title: "The hook request is invalid.", type: "https://cds-hooks.hl7.org/2.0/#http-response");
            }

            var located = await locator.LocateAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (located.Status == 412)
            {
                return Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The intake could not be had.", detail: Problems.Bound(located.Problem!));
            }

            if (located.Status == 400)
            {
                return Problems.BadRequest("The prefetched intake is invalid.", located.Problem!);
            }

            if (located.Response is not { } response)
            {
                // No intake recorded for this patient: nothing to say, and no card on every chart opened.
                return Answer();
            }

            return Answer(Decide(request, response, settings));
        }
    }

    private JsonObject[] Decide(HookRequest request, QuestionnaireResponse response, SciaticaCdsHooksOptions settings)
    {
        var intakeJson = SciaticaFhir.ToJson(response);
        var seed = request.HookInstance + "\n" + request.PatientId + "\n" + engine.RuleSetVersion + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(intakeJson)));
        var cards = new Cards(engine, settings.RuleDocumentationUrl, seed);
        var patient = new ResourceReference("Patient/" + request.PatientId);
        var verdict = IntakeCheck.Check(response, request.PatientId, request.FhirServer, time.GetUtcNow(), settings.MaximumIntakeAge, settings.ClockSkew);
        PatientProfile? profile = null;
        ScreeningNotice? screening = null;
        IEnumerable<string> readProblems = [];
        try
        {
            profile = SciaticaFhir.ReadIntake(response);
        }
        catch (SciaticaValidationException ex)
        {
            screening = ex.Screening;
            readProblems = ex.Problems.Take(20).Select(p => p.Path + ": " + p.Message);
        }

        if (verdict.Problems.Count == 0 && profile is not null)
        {
            // What would change it, as suggestions a clinician can act on, when the engine can say it (the library's engine can).
            var options = engine is ProgramSelector ? SelectionOptions.WithWhatWouldChange : SelectionOptions.None;
            return [cards.Decision(engine.Select(profile, options), patient)];
        }

        var unusable = verdict.Problems.Count > 0
            ? cards.IntakeUnusable(CardWording.IntakeProblemSummary, verdict.Problems)
            : cards.IntakeUnusable(CardWording.IntakeInvalidSummary, readProblems);
        return verdict.MayWarn && Danger(profile, screening) is { } danger
            ? [cards.Decision(danger, patient), unusable]
            : [unusable];
    }

    /// <summary>
    /// The emergency or urgent decision an intake that cannot decide a plan still records, or <see langword="null"/>. Danger
    /// is said even when the intake is incomplete or unfinished: a fully read intake decides as it is; otherwise the red
    /// flags that could be read decide on their own (every other answer set to the value that gates nothing).
    /// </summary>
    private ProgramDecision? Danger(PatientProfile? profile, ScreeningNotice? screening)
    {
        var decision = profile is not null
            ? engine.Select(profile)
            : screening is not null
                ? engine.Select(new PatientProfile
                {
                    Causes = [Cause.ClinicalRadiculopathy],
                    LegPain = 0,
                    BackPain = 0,
                    RedFlags = [.. screening.RedFlags],
                    MedicalClearance = true,
                    SymptomsTolerateExercise = true,
                    Age = 30,
                    SymptomWeeks = 1,
                })
                : null;
        return decision?.Decision is DecisionKind.Emergency or DecisionKind.UrgentReferral ? decision : null;
    }

    private static IResult Answer(params JsonObject[] cards) =>
        Results.Text(new JsonObject { ["cards"] = new JsonArray(cards) }.ToJsonString(), "application/json", Encoding.UTF8);
}
