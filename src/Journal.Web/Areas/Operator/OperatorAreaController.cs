using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Operator;

/// <summary>Base of every controller in the Operator area: the area and its role policy in one place.</summary>
[Area("Operator")]
[Authorize(Policy = Policies.Operator)]
public abstract class OperatorAreaController : Controller;
