using FluentValidation;
using Journal.Web.Files;
using Journal.Web.Infrastructure;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Messaging;

public sealed record NewMessagePage(Recipients.Model Recipients, SendMessage.Form Form, bool IsStaff);

public sealed record ThreadPage(ConversationThread.Model Conversation, Reply.Form Form);

/// <summary>
/// MSG-1, MSG-2: every member's messages, outside the role areas (every role writes). The school resolution has already
/// let only members of the school in; a conversation answers 404 to anyone not in it.
/// </summary>
[Authorize]
[Route("s/{school}/messages")]
public sealed class MessagesController(TenantContext tenant) : Controller
{
    private string Home => $"/s/{tenant.SchoolSlug}/messages";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ConversationList.Handler list, CancellationToken cancellationToken) =>
        View("/Messaging/Index.cshtml", await list.Handle(User.CurrentMembershipId(), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(
        RecipientKind? kind, Guid? person, Guid? pupil, Guid? @class, [FromServices] Recipients.Handler recipients,
        CancellationToken cancellationToken)
    {
        var me = Correspondent.Of(User);
        var form = new SendMessage.Form { Kind = kind ?? RecipientKind.Person, PersonId = person, PupilId = pupil, ClassId = @class };
        return View("/Messaging/New.cshtml", new NewMessagePage(await recipients.Handle(me, cancellationToken), form, me.IsStaff));
    }

    [HttpPost("new")]
    [UploadForm]
    public async Task<IActionResult> New(
        SendMessage.Form form, [FromServices] IValidator<SendMessage.Form> validator, [FromServices] SendMessage.Handler send,
        [FromServices] Recipients.Handler recipients, CancellationToken cancellationToken)
    {
        var me = Correspondent.Of(User);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (validation.IsValid)
        {
            var outcome = await send.Send(me, form, HttpContext.Uploads(), cancellationToken);
            if (outcome.Refusals.Count == 0)
            {
                if (outcome.Conversations.Count == 1)
                {
                    return Redirect($"{Home}/{outcome.Conversations[0]}");
                }

                TempData["Sent"] = $"Отправлено: {RussianCount.Of(outcome.Conversations.Count, "сообщение", "сообщения", "сообщений")}, каждой семье отдельно.";
                return Redirect(Home);
            }

            outcome.Refusals.ToList().ForEach(r => ModelState.AddModelError("", r));
        }

        return View("/Messaging/New.cshtml", new NewMessagePage(await recipients.Handle(me, cancellationToken), form, me.IsStaff));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Thread(Guid id, [FromServices] ConversationThread.Handler thread, CancellationToken cancellationToken) =>
        await ThreadView(thread, id, new Reply.Form(), cancellationToken);

    [HttpPost("{id:guid}")]
    [UploadForm]
    public async Task<IActionResult> Thread(
        Guid id, Reply.Form form, [FromServices] IValidator<Reply.Form> validator, [FromServices] Reply.Handler reply,
        [FromServices] ConversationThread.Handler thread, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
        if (validation.IsValid)
        {
            var outcome = await reply.Send(id, User.CurrentMembershipId(), form, HttpContext.Uploads(), cancellationToken);
            if (!outcome.Found)
            {
                return NotFound();
            }

            if (outcome.Refusals.Count == 0)
            {
                return Redirect($"{Home}/{id}#reply");
            }

            outcome.Refusals.ToList().ForEach(r => ModelState.AddModelError("Files", r));
        }

        return await ThreadView(thread, id, form, cancellationToken);
    }

    private async Task<IActionResult> ThreadView(
        ConversationThread.Handler thread, Guid id, Reply.Form form, CancellationToken cancellationToken) =>
        await thread.Open(id, User.CurrentMembershipId(), cancellationToken) is { } model
            ? View("/Messaging/Thread.cshtml", new ThreadPage(model, form))
            : NotFound();
}
