using GemensamNamnd.Web.Data;
using GemensamNamnd.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GemensamNamnd.Web.Infrastructure;

/// <summary>
/// One submission of a form, by its key (a hidden field every POST form carries, <see cref="SubmissionKeyTagHelper"/>).
/// A global table: the database is the truth for every app instance, so a repeated post (a double click, a reload, a
/// retry after a timeout) is recognised wherever it lands.
/// </summary>
public sealed class FormSubmission
{
    public Guid Key { get; init; }

    /// <summary>The signed-in user who posted it (null when anonymous); a key only answers its own user.</summary>
    public Guid? UserId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Where the first submission led (its redirect), once it is done; null while it runs.</summary>
    public string? Location { get; set; }
}

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.ToTable("form_submissions");
        b.HasKey(s => s.Key);
        b.Property(s => s.Location).HasMaxLength(2000);
        b.HasIndex(s => new { s.UserId, s.At });
    }
}

/// <summary>
/// Makes a form submission happen once. The first post with a key records it before the handler runs; a repeat of a
/// submission that is done is sent where the first one led (nothing is saved twice), a repeat of one still running gets
/// 409. A submission the handler refuses (the form shown again with its errors) or that fails is forgotten, so the
/// corrected form can be sent.
/// </summary>
public sealed class FormSubmissionFilter(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IUrlHelperFactory urls) : IAsyncPageFilter
{
    public const string FieldName = "__submission";

    /// <summary>How long a key is remembered; older rows of the user are removed when they post again.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !(await request.ReadFormAsync(context.HttpContext.RequestAborted)).TryGetValue(FieldName, out var value))
        {
            await next();
            return;
        }

        if (!Guid.TryParse(value, out var key))
        {
            context.Result = new BadRequestResult();
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        var userId = (await currentUser.GetAsync(ct))?.Id;
        var now = clock.GetUtcNow();
        var submissions = db.Set<FormSubmission>();
        if (userId is { } user)
        {
            var cutoff = now - Kept;
            await submissions.Where(s => s.UserId == user && s.At < cutoff).ExecuteDeleteAsync(ct);
        }

        var submission = new FormSubmission { Key = key, UserId = userId, At = now };
        submissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The key is taken: this is a repeat.
            db.Entry(submission).State = EntityState.Detached;
            var first = await submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
            context.Result = first is { Location: { } location } && first.UserId == userId
                ? new LocalRedirectResult(location)
                : new StatusCodeResult(StatusCodes.Status409Conflict);
            return;
        }

        db.Entry(submission).State = EntityState.Detached;
        PageHandlerExecutedContext? executed = null;
        try
        {
            executed = await next();
        }
        finally
        {
            var location = executed is { Exception: null } ? LocationOf(executed) : null;
            var stored = submissions.Where(s => s.Key == key);
            // Not the request's token: the row must be settled even when the client has gone.
            _ = location is null
                ? await stored.ExecuteDeleteAsync(CancellationToken.None)
                : await stored.ExecuteUpdateAsync(s => s.SetProperty(x => x.Location, location), CancellationToken.None);
        }
    }

    private string? LocationOf(PageHandlerExecutedContext executed) => executed.Result switch
    {
        LocalRedirectResult local => local.Url,
        RedirectResult redirect when redirect.Url.StartsWith('/') && !redirect.Url.StartsWith("//", StringComparison.Ordinal) => redirect.Url,
        RedirectToPageResult page => urls.GetUrlHelper(executed).Page(page.PageName, page.PageHandler, page.RouteValues),
        _ => null,
    };
}

/// <summary>
/// Every POST form carries a fresh submission key (<see cref="FormSubmissionFilter"/>). Sign-in and sign-out opt out
/// with <c>submission-key="false"</c>: sending them again must sign in or out again.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class SubmissionKeyTagHelper : TagHelper
{
    // After the framework's form tag helper, which adds the antiforgery token.
    public override int Order => 1000;

    [HtmlAttributeName("submission-key")]
    public bool Enabled { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var method = output.Attributes["method"]?.Value?.ToString();
        if (Enabled && string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FormSubmissionFilter.FieldName}\" value=\"{Guid.NewGuid()}\" />");
        }
    }
}

public static class FormSubmissionExtensions
{
    public static IServiceCollection AddFormSubmissions(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(FormSubmissionFilter))))
            .AddScoped<FormSubmissionFilter>();
}
