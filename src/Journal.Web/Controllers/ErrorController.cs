using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Controllers;

/// <summary>Russian error pages; no stack trace ever reaches a user (SEC-2).</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", StatusModel.For(StatusCodes.Status500InternalServerError));
    }

    /// <summary>
    /// No bound parameters on purpose: binding would read the form of a re-executed POST, and a body over
    /// the size limit (a 50 MB «form») would turn the page about it into a 404.
    /// </summary>
    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var asked)
                   && asked is >= 400 and <= 599
            ? asked
            : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        return View("Status", StatusModel.For(code));
    }
}

public sealed record StatusModel(int Code, string Title, string Text)
{
    public static StatusModel For(int code) => code switch
    {
        400 => new(code, "Запрос отклонён", "Форма устарела, повреждена или слишком велика. Обновите страницу и повторите действие."),
        403 => new(code, "Доступ запрещён", "У вас нет прав на эту страницу."),
        404 => new(code, "Страница не найдена", "Такой страницы нет или у вас нет к ней доступа."),
        429 => new(code, "Слишком много попыток", "С вашего адреса было слишком много попыток ввести код. Подождите 15 минут и попробуйте снова."),
        _ => new(code, "Что-то пошло не так", "Произошла ошибка на сервере. Мы уже знаем о ней; попробуйте ещё раз через минуту."),
    };
}
