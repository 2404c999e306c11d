using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Outgoing GETs (the FHIR server, JSON Web Key Sets): a timeout, no redirects, a size limit, and only to allowed addresses.
/// A failure is a value saying what went wrong, never an exception for the caller to forget.
/// </summary>
internal sealed class Fetching(IHttpClientFactory clients, IOptions<SciaticaCdsHooksOptions> options)
{
    public const string ClientName = "Sciatica.Rules.CdsHooks";

    /// <summary>An absolute https address, or http on the loopback (a local development server).</summary>
    public static bool IsAllowedAddress(Uri address) =>
        address.IsAbsoluteUri
        && string.IsNullOrEmpty(address.UserInfo)
        && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));

    /// <summary>Gets the body of <paramref name="address"/>, or the reason it could not be had.</summary>
    public async Task<(byte[]? Body, string? Failure)> GetAsync(Uri address, string accept, string? bearerToken, CancellationToken cancel)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(settings.FetchTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        try
        {
            using var client = clients.CreateClient(ClientName);
            client.Timeout = Timeout.InfiniteTimeSpan;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"{address.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > settings.MaximumRequestBytes)
            {
                return (null, $"{address.GetLeftPart(UriPartial.Path)} answered more than {settings.MaximumRequestBytes} bytes.");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = await BodyReading.ReadAsync(stream, settings.MaximumRequestBytes, timeout.Token).ConfigureAwait(false);
                return body is null ? (null, $"{address.GetLeftPart(UriPartial.Path)} answered more than {settings.MaximumRequestBytes} bytes.") : (body, null);
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (null, $"{address.GetLeftPart(UriPartial.Path)} did not answer within {settings.FetchTimeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"{address.GetLeftPart(UriPartial.Path)} could not be reached ({ex.HttpRequestError}).");
        }
    }
}
