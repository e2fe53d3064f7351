using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Deputy;

/// <summary>Base of every controller in the Deputy area: the area and its role policy in one place.</summary>
[Area("Deputy")]
[Authorize(Policy = Policies.Deputy)]
public abstract class DeputyAreaController : Controller;
