// Written by testdata/mkfanout.go; do not edit.

package fanout

import (
	"github.com/fwgo/fw/runtime/fwimpl"
)

// newDispatcher binds every processor to a handler that counts its calls in *n.
func newDispatcher(n *int) *fwDispatcher {
	return &fwDispatcher{
		hOne:   hit[OneHitContext]{n},
		hT00:   hit[T00HitContext]{n},
		hT01:   hit[T01HitContext]{n},
		hT02:   hit[T02HitContext]{n},
		hT03:   hit[T03HitContext]{n},
		hT04:   hit[T04HitContext]{n},
		hT05:   hit[T05HitContext]{n},
		hT06:   hit[T06HitContext]{n},
		hT07:   hit[T07HitContext]{n},
		hT08:   hit[T08HitContext]{n},
		hT09:   hit[T09HitContext]{n},
		hH000:  hit[H000HitContext]{n},
		hH001:  hit[H001HitContext]{n},
		hH002:  hit[H002HitContext]{n},
		hH003:  hit[H003HitContext]{n},
		hH004:  hit[H004HitContext]{n},
		hH005:  hit[H005HitContext]{n},
		hH006:  hit[H006HitContext]{n},
		hH007:  hit[H007HitContext]{n},
		hH008:  hit[H008HitContext]{n},
		hH009:  hit[H009HitContext]{n},
		hH010:  hit[H010HitContext]{n},
		hH011:  hit[H011HitContext]{n},
		hH012:  hit[H012HitContext]{n},
		hH013:  hit[H013HitContext]{n},
		hH014:  hit[H014HitContext]{n},
		hH015:  hit[H015HitContext]{n},
		hH016:  hit[H016HitContext]{n},
		hH017:  hit[H017HitContext]{n},
		hH018:  hit[H018HitContext]{n},
		hH019:  hit[H019HitContext]{n},
		hH020:  hit[H020HitContext]{n},
		hH021:  hit[H021HitContext]{n},
		hH022:  hit[H022HitContext]{n},
		hH023:  hit[H023HitContext]{n},
		hH024:  hit[H024HitContext]{n},
		hH025:  hit[H025HitContext]{n},
		hH026:  hit[H026HitContext]{n},
		hH027:  hit[H027HitContext]{n},
		hH028:  hit[H028HitContext]{n},
		hH029:  hit[H029HitContext]{n},
		hH030:  hit[H030HitContext]{n},
		hH031:  hit[H031HitContext]{n},
		hH032:  hit[H032HitContext]{n},
		hH033:  hit[H033HitContext]{n},
		hH034:  hit[H034HitContext]{n},
		hH035:  hit[H035HitContext]{n},
		hH036:  hit[H036HitContext]{n},
		hH037:  hit[H037HitContext]{n},
		hH038:  hit[H038HitContext]{n},
		hH039:  hit[H039HitContext]{n},
		hH040:  hit[H040HitContext]{n},
		hH041:  hit[H041HitContext]{n},
		hH042:  hit[H042HitContext]{n},
		hH043:  hit[H043HitContext]{n},
		hH044:  hit[H044HitContext]{n},
		hH045:  hit[H045HitContext]{n},
		hH046:  hit[H046HitContext]{n},
		hH047:  hit[H047HitContext]{n},
		hH048:  hit[H048HitContext]{n},
		hH049:  hit[H049HitContext]{n},
		hH050:  hit[H050HitContext]{n},
		hH051:  hit[H051HitContext]{n},
		hH052:  hit[H052HitContext]{n},
		hH053:  hit[H053HitContext]{n},
		hH054:  hit[H054HitContext]{n},
		hH055:  hit[H055HitContext]{n},
		hH056:  hit[H056HitContext]{n},
		hH057:  hit[H057HitContext]{n},
		hH058:  hit[H058HitContext]{n},
		hH059:  hit[H059HitContext]{n},
		hH060:  hit[H060HitContext]{n},
		hH061:  hit[H061HitContext]{n},
		hH062:  hit[H062HitContext]{n},
		hH063:  hit[H063HitContext]{n},
		hH064:  hit[H064HitContext]{n},
		hH065:  hit[H065HitContext]{n},
		hH066:  hit[H066HitContext]{n},
		hH067:  hit[H067HitContext]{n},
		hH068:  hit[H068HitContext]{n},
		hH069:  hit[H069HitContext]{n},
		hH070:  hit[H070HitContext]{n},
		hH071:  hit[H071HitContext]{n},
		hH072:  hit[H072HitContext]{n},
		hH073:  hit[H073HitContext]{n},
		hH074:  hit[H074HitContext]{n},
		hH075:  hit[H075HitContext]{n},
		hH076:  hit[H076HitContext]{n},
		hH077:  hit[H077HitContext]{n},
		hH078:  hit[H078HitContext]{n},
		hH079:  hit[H079HitContext]{n},
		hH080:  hit[H080HitContext]{n},
		hH081:  hit[H081HitContext]{n},
		hH082:  hit[H082HitContext]{n},
		hH083:  hit[H083HitContext]{n},
		hH084:  hit[H084HitContext]{n},
		hH085:  hit[H085HitContext]{n},
		hH086:  hit[H086HitContext]{n},
		hH087:  hit[H087HitContext]{n},
		hH088:  hit[H088HitContext]{n},
		hH089:  hit[H089HitContext]{n},
		hH090:  hit[H090HitContext]{n},
		hH091:  hit[H091HitContext]{n},
		hH092:  hit[H092HitContext]{n},
		hH093:  hit[H093HitContext]{n},
		hH094:  hit[H094HitContext]{n},
		hH095:  hit[H095HitContext]{n},
		hH096:  hit[H096HitContext]{n},
		hH097:  hit[H097HitContext]{n},
		hH098:  hit[H098HitContext]{n},
		hH099:  hit[H099HitContext]{n},
		hP0000: hit[P0000HitContext]{n},
		hP0001: hit[P0001HitContext]{n},
		hP0002: hit[P0002HitContext]{n},
		hP0003: hit[P0003HitContext]{n},
		hP0004: hit[P0004HitContext]{n},
		hP0005: hit[P0005HitContext]{n},
		hP0006: hit[P0006HitContext]{n},
		hP0007: hit[P0007HitContext]{n},
		hP0008: hit[P0008HitContext]{n},
		hP0009: hit[P0009HitContext]{n},
		hP0010: hit[P0010HitContext]{n},
		hP0011: hit[P0011HitContext]{n},
		hP0012: hit[P0012HitContext]{n},
		hP0013: hit[P0013HitContext]{n},
		hP0014: hit[P0014HitContext]{n},
		hP0015: hit[P0015HitContext]{n},
		hP0016: hit[P0016HitContext]{n},
		hP0017: hit[P0017HitContext]{n},
		hP0018: hit[P0018HitContext]{n},
		hP0019: hit[P0019HitContext]{n},
		hP0020: hit[P0020HitContext]{n},
		hP0021: hit[P0021HitContext]{n},
		hP0022: hit[P0022HitContext]{n},
		hP0023: hit[P0023HitContext]{n},
		hP0024: hit[P0024HitContext]{n},
		hP0025: hit[P0025HitContext]{n},
		hP0026: hit[P0026HitContext]{n},
		hP0027: hit[P0027HitContext]{n},
		hP0028: hit[P0028HitContext]{n},
		hP0029: hit[P0029HitContext]{n},
		hP0030: hit[P0030HitContext]{n},
		hP0031: hit[P0031HitContext]{n},
		hP0032: hit[P0032HitContext]{n},
		hP0033: hit[P0033HitContext]{n},
		hP0034: hit[P0034HitContext]{n},
		hP0035: hit[P0035HitContext]{n},
		hP0036: hit[P0036HitContext]{n},
		hP0037: hit[P0037HitContext]{n},
		hP0038: hit[P0038HitContext]{n},
		hP0039: hit[P0039HitContext]{n},
		hP0040: hit[P0040HitContext]{n},
		hP0041: hit[P0041HitContext]{n},
		hP0042: hit[P0042HitContext]{n},
		hP0043: hit[P0043HitContext]{n},
		hP0044: hit[P0044HitContext]{n},
		hP0045: hit[P0045HitContext]{n},
		hP0046: hit[P0046HitContext]{n},
		hP0047: hit[P0047HitContext]{n},
		hP0048: hit[P0048HitContext]{n},
		hP0049: hit[P0049HitContext]{n},
		hP0050: hit[P0050HitContext]{n},
		hP0051: hit[P0051HitContext]{n},
		hP0052: hit[P0052HitContext]{n},
		hP0053: hit[P0053HitContext]{n},
		hP0054: hit[P0054HitContext]{n},
		hP0055: hit[P0055HitContext]{n},
		hP0056: hit[P0056HitContext]{n},
		hP0057: hit[P0057HitContext]{n},
		hP0058: hit[P0058HitContext]{n},
		hP0059: hit[P0059HitContext]{n},
		hP0060: hit[P0060HitContext]{n},
		hP0061: hit[P0061HitContext]{n},
		hP0062: hit[P0062HitContext]{n},
		hP0063: hit[P0063HitContext]{n},
		hP0064: hit[P0064HitContext]{n},
		hP0065: hit[P0065HitContext]{n},
		hP0066: hit[P0066HitContext]{n},
		hP0067: hit[P0067HitContext]{n},
		hP0068: hit[P0068HitContext]{n},
		hP0069: hit[P0069HitContext]{n},
		hP0070: hit[P0070HitContext]{n},
		hP0071: hit[P0071HitContext]{n},
		hP0072: hit[P0072HitContext]{n},
		hP0073: hit[P0073HitContext]{n},
		hP0074: hit[P0074HitContext]{n},
		hP0075: hit[P0075HitContext]{n},
		hP0076: hit[P0076HitContext]{n},
		hP0077: hit[P0077HitContext]{n},
		hP0078: hit[P0078HitContext]{n},
		hP0079: hit[P0079HitContext]{n},
		hP0080: hit[P0080HitContext]{n},
		hP0081: hit[P0081HitContext]{n},
		hP0082: hit[P0082HitContext]{n},
		hP0083: hit[P0083HitContext]{n},
		hP0084: hit[P0084HitContext]{n},
		hP0085: hit[P0085HitContext]{n},
		hP0086: hit[P0086HitContext]{n},
		hP0087: hit[P0087HitContext]{n},
		hP0088: hit[P0088HitContext]{n},
		hP0089: hit[P0089HitContext]{n},
		hP0090: hit[P0090HitContext]{n},
		hP0091: hit[P0091HitContext]{n},
		hP0092: hit[P0092HitContext]{n},
		hP0093: hit[P0093HitContext]{n},
		hP0094: hit[P0094HitContext]{n},
		hP0095: hit[P0095HitContext]{n},
		hP0096: hit[P0096HitContext]{n},
		hP0097: hit[P0097HitContext]{n},
		hP0098: hit[P0098HitContext]{n},
		hP0099: hit[P0099HitContext]{n},
		hP0100: hit[P0100HitContext]{n},
		hP0101: hit[P0101HitContext]{n},
		hP0102: hit[P0102HitContext]{n},
		hP0103: hit[P0103HitContext]{n},
		hP0104: hit[P0104HitContext]{n},
		hP0105: hit[P0105HitContext]{n},
		hP0106: hit[P0106HitContext]{n},
		hP0107: hit[P0107HitContext]{n},
		hP0108: hit[P0108HitContext]{n},
		hP0109: hit[P0109HitContext]{n},
		hP0110: hit[P0110HitContext]{n},
		hP0111: hit[P0111HitContext]{n},
		hP0112: hit[P0112HitContext]{n},
		hP0113: hit[P0113HitContext]{n},
		hP0114: hit[P0114HitContext]{n},
		hP0115: hit[P0115HitContext]{n},
		hP0116: hit[P0116HitContext]{n},
		hP0117: hit[P0117HitContext]{n},
		hP0118: hit[P0118HitContext]{n},
		hP0119: hit[P0119HitContext]{n},
		hP0120: hit[P0120HitContext]{n},
		hP0121: hit[P0121HitContext]{n},
		hP0122: hit[P0122HitContext]{n},
		hP0123: hit[P0123HitContext]{n},
		hP0124: hit[P0124HitContext]{n},
		hP0125: hit[P0125HitContext]{n},
		hP0126: hit[P0126HitContext]{n},
		hP0127: hit[P0127HitContext]{n},
		hP0128: hit[P0128HitContext]{n},
		hP0129: hit[P0129HitContext]{n},
		hP0130: hit[P0130HitContext]{n},
		hP0131: hit[P0131HitContext]{n},
		hP0132: hit[P0132HitContext]{n},
		hP0133: hit[P0133HitContext]{n},
		hP0134: hit[P0134HitContext]{n},
		hP0135: hit[P0135HitContext]{n},
		hP0136: hit[P0136HitContext]{n},
		hP0137: hit[P0137HitContext]{n},
		hP0138: hit[P0138HitContext]{n},
		hP0139: hit[P0139HitContext]{n},
		hP0140: hit[P0140HitContext]{n},
		hP0141: hit[P0141HitContext]{n},
		hP0142: hit[P0142HitContext]{n},
		hP0143: hit[P0143HitContext]{n},
		hP0144: hit[P0144HitContext]{n},
		hP0145: hit[P0145HitContext]{n},
		hP0146: hit[P0146HitContext]{n},
		hP0147: hit[P0147HitContext]{n},
		hP0148: hit[P0148HitContext]{n},
		hP0149: hit[P0149HitContext]{n},
		hP0150: hit[P0150HitContext]{n},
		hP0151: hit[P0151HitContext]{n},
		hP0152: hit[P0152HitContext]{n},
		hP0153: hit[P0153HitContext]{n},
		hP0154: hit[P0154HitContext]{n},
		hP0155: hit[P0155HitContext]{n},
		hP0156: hit[P0156HitContext]{n},
		hP0157: hit[P0157HitContext]{n},
		hP0158: hit[P0158HitContext]{n},
		hP0159: hit[P0159HitContext]{n},
		hP0160: hit[P0160HitContext]{n},
		hP0161: hit[P0161HitContext]{n},
		hP0162: hit[P0162HitContext]{n},
		hP0163: hit[P0163HitContext]{n},
		hP0164: hit[P0164HitContext]{n},
		hP0165: hit[P0165HitContext]{n},
		hP0166: hit[P0166HitContext]{n},
		hP0167: hit[P0167HitContext]{n},
		hP0168: hit[P0168HitContext]{n},
		hP0169: hit[P0169HitContext]{n},
		hP0170: hit[P0170HitContext]{n},
		hP0171: hit[P0171HitContext]{n},
		hP0172: hit[P0172HitContext]{n},
		hP0173: hit[P0173HitContext]{n},
		hP0174: hit[P0174HitContext]{n},
		hP0175: hit[P0175HitContext]{n},
		hP0176: hit[P0176HitContext]{n},
		hP0177: hit[P0177HitContext]{n},
		hP0178: hit[P0178HitContext]{n},
		hP0179: hit[P0179HitContext]{n},
		hP0180: hit[P0180HitContext]{n},
		hP0181: hit[P0181HitContext]{n},
		hP0182: hit[P0182HitContext]{n},
		hP0183: hit[P0183HitContext]{n},
		hP0184: hit[P0184HitContext]{n},
		hP0185: hit[P0185HitContext]{n},
		hP0186: hit[P0186HitContext]{n},
		hP0187: hit[P0187HitContext]{n},
		hP0188: hit[P0188HitContext]{n},
		hP0189: hit[P0189HitContext]{n},
		hP0190: hit[P0190HitContext]{n},
		hP0191: hit[P0191HitContext]{n},
		hP0192: hit[P0192HitContext]{n},
		hP0193: hit[P0193HitContext]{n},
		hP0194: hit[P0194HitContext]{n},
		hP0195: hit[P0195HitContext]{n},
		hP0196: hit[P0196HitContext]{n},
		hP0197: hit[P0197HitContext]{n},
		hP0198: hit[P0198HitContext]{n},
		hP0199: hit[P0199HitContext]{n},
		hP0200: hit[P0200HitContext]{n},
		hP0201: hit[P0201HitContext]{n},
		hP0202: hit[P0202HitContext]{n},
		hP0203: hit[P0203HitContext]{n},
		hP0204: hit[P0204HitContext]{n},
		hP0205: hit[P0205HitContext]{n},
		hP0206: hit[P0206HitContext]{n},
		hP0207: hit[P0207HitContext]{n},
		hP0208: hit[P0208HitContext]{n},
		hP0209: hit[P0209HitContext]{n},
		hP0210: hit[P0210HitContext]{n},
		hP0211: hit[P0211HitContext]{n},
		hP0212: hit[P0212HitContext]{n},
		hP0213: hit[P0213HitContext]{n},
		hP0214: hit[P0214HitContext]{n},
		hP0215: hit[P0215HitContext]{n},
		hP0216: hit[P0216HitContext]{n},
		hP0217: hit[P0217HitContext]{n},
		hP0218: hit[P0218HitContext]{n},
		hP0219: hit[P0219HitContext]{n},
		hP0220: hit[P0220HitContext]{n},
		hP0221: hit[P0221HitContext]{n},
		hP0222: hit[P0222HitContext]{n},
		hP0223: hit[P0223HitContext]{n},
		hP0224: hit[P0224HitContext]{n},
		hP0225: hit[P0225HitContext]{n},
		hP0226: hit[P0226HitContext]{n},
		hP0227: hit[P0227HitContext]{n},
		hP0228: hit[P0228HitContext]{n},
		hP0229: hit[P0229HitContext]{n},
		hP0230: hit[P0230HitContext]{n},
		hP0231: hit[P0231HitContext]{n},
		hP0232: hit[P0232HitContext]{n},
		hP0233: hit[P0233HitContext]{n},
		hP0234: hit[P0234HitContext]{n},
		hP0235: hit[P0235HitContext]{n},
		hP0236: hit[P0236HitContext]{n},
		hP0237: hit[P0237HitContext]{n},
		hP0238: hit[P0238HitContext]{n},
		hP0239: hit[P0239HitContext]{n},
		hP0240: hit[P0240HitContext]{n},
		hP0241: hit[P0241HitContext]{n},
		hP0242: hit[P0242HitContext]{n},
		hP0243: hit[P0243HitContext]{n},
		hP0244: hit[P0244HitContext]{n},
		hP0245: hit[P0245HitContext]{n},
		hP0246: hit[P0246HitContext]{n},
		hP0247: hit[P0247HitContext]{n},
		hP0248: hit[P0248HitContext]{n},
		hP0249: hit[P0249HitContext]{n},
		hP0250: hit[P0250HitContext]{n},
		hP0251: hit[P0251HitContext]{n},
		hP0252: hit[P0252HitContext]{n},
		hP0253: hit[P0253HitContext]{n},
		hP0254: hit[P0254HitContext]{n},
		hP0255: hit[P0255HitContext]{n},
		hP0256: hit[P0256HitContext]{n},
		hP0257: hit[P0257HitContext]{n},
		hP0258: hit[P0258HitContext]{n},
		hP0259: hit[P0259HitContext]{n},
		hP0260: hit[P0260HitContext]{n},
		hP0261: hit[P0261HitContext]{n},
		hP0262: hit[P0262HitContext]{n},
		hP0263: hit[P0263HitContext]{n},
		hP0264: hit[P0264HitContext]{n},
		hP0265: hit[P0265HitContext]{n},
		hP0266: hit[P0266HitContext]{n},
		hP0267: hit[P0267HitContext]{n},
		hP0268: hit[P0268HitContext]{n},
		hP0269: hit[P0269HitContext]{n},
		hP0270: hit[P0270HitContext]{n},
		hP0271: hit[P0271HitContext]{n},
		hP0272: hit[P0272HitContext]{n},
		hP0273: hit[P0273HitContext]{n},
		hP0274: hit[P0274HitContext]{n},
		hP0275: hit[P0275HitContext]{n},
		hP0276: hit[P0276HitContext]{n},
		hP0277: hit[P0277HitContext]{n},
		hP0278: hit[P0278HitContext]{n},
		hP0279: hit[P0279HitContext]{n},
		hP0280: hit[P0280HitContext]{n},
		hP0281: hit[P0281HitContext]{n},
		hP0282: hit[P0282HitContext]{n},
		hP0283: hit[P0283HitContext]{n},
		hP0284: hit[P0284HitContext]{n},
		hP0285: hit[P0285HitContext]{n},
		hP0286: hit[P0286HitContext]{n},
		hP0287: hit[P0287HitContext]{n},
		hP0288: hit[P0288HitContext]{n},
		hP0289: hit[P0289HitContext]{n},
		hP0290: hit[P0290HitContext]{n},
		hP0291: hit[P0291HitContext]{n},
		hP0292: hit[P0292HitContext]{n},
		hP0293: hit[P0293HitContext]{n},
		hP0294: hit[P0294HitContext]{n},
		hP0295: hit[P0295HitContext]{n},
		hP0296: hit[P0296HitContext]{n},
		hP0297: hit[P0297HitContext]{n},
		hP0298: hit[P0298HitContext]{n},
		hP0299: hit[P0299HitContext]{n},
		hP0300: hit[P0300HitContext]{n},
		hP0301: hit[P0301HitContext]{n},
		hP0302: hit[P0302HitContext]{n},
		hP0303: hit[P0303HitContext]{n},
		hP0304: hit[P0304HitContext]{n},
		hP0305: hit[P0305HitContext]{n},
		hP0306: hit[P0306HitContext]{n},
		hP0307: hit[P0307HitContext]{n},
		hP0308: hit[P0308HitContext]{n},
		hP0309: hit[P0309HitContext]{n},
		hP0310: hit[P0310HitContext]{n},
		hP0311: hit[P0311HitContext]{n},
		hP0312: hit[P0312HitContext]{n},
		hP0313: hit[P0313HitContext]{n},
		hP0314: hit[P0314HitContext]{n},
		hP0315: hit[P0315HitContext]{n},
		hP0316: hit[P0316HitContext]{n},
		hP0317: hit[P0317HitContext]{n},
		hP0318: hit[P0318HitContext]{n},
		hP0319: hit[P0319HitContext]{n},
		hP0320: hit[P0320HitContext]{n},
		hP0321: hit[P0321HitContext]{n},
		hP0322: hit[P0322HitContext]{n},
		hP0323: hit[P0323HitContext]{n},
		hP0324: hit[P0324HitContext]{n},
		hP0325: hit[P0325HitContext]{n},
		hP0326: hit[P0326HitContext]{n},
		hP0327: hit[P0327HitContext]{n},
		hP0328: hit[P0328HitContext]{n},
		hP0329: hit[P0329HitContext]{n},
		hP0330: hit[P0330HitContext]{n},
		hP0331: hit[P0331HitContext]{n},
		hP0332: hit[P0332HitContext]{n},
		hP0333: hit[P0333HitContext]{n},
		hP0334: hit[P0334HitContext]{n},
		hP0335: hit[P0335HitContext]{n},
		hP0336: hit[P0336HitContext]{n},
		hP0337: hit[P0337HitContext]{n},
		hP0338: hit[P0338HitContext]{n},
		hP0339: hit[P0339HitContext]{n},
		hP0340: hit[P0340HitContext]{n},
		hP0341: hit[P0341HitContext]{n},
		hP0342: hit[P0342HitContext]{n},
		hP0343: hit[P0343HitContext]{n},
		hP0344: hit[P0344HitContext]{n},
		hP0345: hit[P0345HitContext]{n},
		hP0346: hit[P0346HitContext]{n},
		hP0347: hit[P0347HitContext]{n},
		hP0348: hit[P0348HitContext]{n},
		hP0349: hit[P0349HitContext]{n},
		hP0350: hit[P0350HitContext]{n},
		hP0351: hit[P0351HitContext]{n},
		hP0352: hit[P0352HitContext]{n},
		hP0353: hit[P0353HitContext]{n},
		hP0354: hit[P0354HitContext]{n},
		hP0355: hit[P0355HitContext]{n},
		hP0356: hit[P0356HitContext]{n},
		hP0357: hit[P0357HitContext]{n},
		hP0358: hit[P0358HitContext]{n},
		hP0359: hit[P0359HitContext]{n},
		hP0360: hit[P0360HitContext]{n},
		hP0361: hit[P0361HitContext]{n},
		hP0362: hit[P0362HitContext]{n},
		hP0363: hit[P0363HitContext]{n},
		hP0364: hit[P0364HitContext]{n},
		hP0365: hit[P0365HitContext]{n},
		hP0366: hit[P0366HitContext]{n},
		hP0367: hit[P0367HitContext]{n},
		hP0368: hit[P0368HitContext]{n},
		hP0369: hit[P0369HitContext]{n},
		hP0370: hit[P0370HitContext]{n},
		hP0371: hit[P0371HitContext]{n},
		hP0372: hit[P0372HitContext]{n},
		hP0373: hit[P0373HitContext]{n},
		hP0374: hit[P0374HitContext]{n},
		hP0375: hit[P0375HitContext]{n},
		hP0376: hit[P0376HitContext]{n},
		hP0377: hit[P0377HitContext]{n},
		hP0378: hit[P0378HitContext]{n},
		hP0379: hit[P0379HitContext]{n},
		hP0380: hit[P0380HitContext]{n},
		hP0381: hit[P0381HitContext]{n},
		hP0382: hit[P0382HitContext]{n},
		hP0383: hit[P0383HitContext]{n},
		hP0384: hit[P0384HitContext]{n},
		hP0385: hit[P0385HitContext]{n},
		hP0386: hit[P0386HitContext]{n},
		hP0387: hit[P0387HitContext]{n},
		hP0388: hit[P0388HitContext]{n},
		hP0389: hit[P0389HitContext]{n},
		hP0390: hit[P0390HitContext]{n},
		hP0391: hit[P0391HitContext]{n},
		hP0392: hit[P0392HitContext]{n},
		hP0393: hit[P0393HitContext]{n},
		hP0394: hit[P0394HitContext]{n},
		hP0395: hit[P0395HitContext]{n},
		hP0396: hit[P0396HitContext]{n},
		hP0397: hit[P0397HitContext]{n},
		hP0398: hit[P0398HitContext]{n},
		hP0399: hit[P0399HitContext]{n},
		hP0400: hit[P0400HitContext]{n},
		hP0401: hit[P0401HitContext]{n},
		hP0402: hit[P0402HitContext]{n},
		hP0403: hit[P0403HitContext]{n},
		hP0404: hit[P0404HitContext]{n},
		hP0405: hit[P0405HitContext]{n},
		hP0406: hit[P0406HitContext]{n},
		hP0407: hit[P0407HitContext]{n},
		hP0408: hit[P0408HitContext]{n},
		hP0409: hit[P0409HitContext]{n},
		hP0410: hit[P0410HitContext]{n},
		hP0411: hit[P0411HitContext]{n},
		hP0412: hit[P0412HitContext]{n},
		hP0413: hit[P0413HitContext]{n},
		hP0414: hit[P0414HitContext]{n},
		hP0415: hit[P0415HitContext]{n},
		hP0416: hit[P0416HitContext]{n},
		hP0417: hit[P0417HitContext]{n},
		hP0418: hit[P0418HitContext]{n},
		hP0419: hit[P0419HitContext]{n},
		hP0420: hit[P0420HitContext]{n},
		hP0421: hit[P0421HitContext]{n},
		hP0422: hit[P0422HitContext]{n},
		hP0423: hit[P0423HitContext]{n},
		hP0424: hit[P0424HitContext]{n},
		hP0425: hit[P0425HitContext]{n},
		hP0426: hit[P0426HitContext]{n},
		hP0427: hit[P0427HitContext]{n},
		hP0428: hit[P0428HitContext]{n},
		hP0429: hit[P0429HitContext]{n},
		hP0430: hit[P0430HitContext]{n},
		hP0431: hit[P0431HitContext]{n},
		hP0432: hit[P0432HitContext]{n},
		hP0433: hit[P0433HitContext]{n},
		hP0434: hit[P0434HitContext]{n},
		hP0435: hit[P0435HitContext]{n},
		hP0436: hit[P0436HitContext]{n},
		hP0437: hit[P0437HitContext]{n},
		hP0438: hit[P0438HitContext]{n},
		hP0439: hit[P0439HitContext]{n},
		hP0440: hit[P0440HitContext]{n},
		hP0441: hit[P0441HitContext]{n},
		hP0442: hit[P0442HitContext]{n},
		hP0443: hit[P0443HitContext]{n},
		hP0444: hit[P0444HitContext]{n},
		hP0445: hit[P0445HitContext]{n},
		hP0446: hit[P0446HitContext]{n},
		hP0447: hit[P0447HitContext]{n},
		hP0448: hit[P0448HitContext]{n},
		hP0449: hit[P0449HitContext]{n},
		hP0450: hit[P0450HitContext]{n},
		hP0451: hit[P0451HitContext]{n},
		hP0452: hit[P0452HitContext]{n},
		hP0453: hit[P0453HitContext]{n},
		hP0454: hit[P0454HitContext]{n},
		hP0455: hit[P0455HitContext]{n},
		hP0456: hit[P0456HitContext]{n},
		hP0457: hit[P0457HitContext]{n},
		hP0458: hit[P0458HitContext]{n},
		hP0459: hit[P0459HitContext]{n},
		hP0460: hit[P0460HitContext]{n},
		hP0461: hit[P0461HitContext]{n},
		hP0462: hit[P0462HitContext]{n},
		hP0463: hit[P0463HitContext]{n},
		hP0464: hit[P0464HitContext]{n},
		hP0465: hit[P0465HitContext]{n},
		hP0466: hit[P0466HitContext]{n},
		hP0467: hit[P0467HitContext]{n},
		hP0468: hit[P0468HitContext]{n},
		hP0469: hit[P0469HitContext]{n},
		hP0470: hit[P0470HitContext]{n},
		hP0471: hit[P0471HitContext]{n},
		hP0472: hit[P0472HitContext]{n},
		hP0473: hit[P0473HitContext]{n},
		hP0474: hit[P0474HitContext]{n},
		hP0475: hit[P0475HitContext]{n},
		hP0476: hit[P0476HitContext]{n},
		hP0477: hit[P0477HitContext]{n},
		hP0478: hit[P0478HitContext]{n},
		hP0479: hit[P0479HitContext]{n},
		hP0480: hit[P0480HitContext]{n},
		hP0481: hit[P0481HitContext]{n},
		hP0482: hit[P0482HitContext]{n},
		hP0483: hit[P0483HitContext]{n},
		hP0484: hit[P0484HitContext]{n},
		hP0485: hit[P0485HitContext]{n},
		hP0486: hit[P0486HitContext]{n},
		hP0487: hit[P0487HitContext]{n},
		hP0488: hit[P0488HitContext]{n},
		hP0489: hit[P0489HitContext]{n},
		hP0490: hit[P0490HitContext]{n},
		hP0491: hit[P0491HitContext]{n},
		hP0492: hit[P0492HitContext]{n},
		hP0493: hit[P0493HitContext]{n},
		hP0494: hit[P0494HitContext]{n},
		hP0495: hit[P0495HitContext]{n},
		hP0496: hit[P0496HitContext]{n},
		hP0497: hit[P0497HitContext]{n},
		hP0498: hit[P0498HitContext]{n},
		hP0499: hit[P0499HitContext]{n},
		hP0500: hit[P0500HitContext]{n},
		hP0501: hit[P0501HitContext]{n},
		hP0502: hit[P0502HitContext]{n},
		hP0503: hit[P0503HitContext]{n},
		hP0504: hit[P0504HitContext]{n},
		hP0505: hit[P0505HitContext]{n},
		hP0506: hit[P0506HitContext]{n},
		hP0507: hit[P0507HitContext]{n},
		hP0508: hit[P0508HitContext]{n},
		hP0509: hit[P0509HitContext]{n},
		hP0510: hit[P0510HitContext]{n},
		hP0511: hit[P0511HitContext]{n},
		hP0512: hit[P0512HitContext]{n},
		hP0513: hit[P0513HitContext]{n},
		hP0514: hit[P0514HitContext]{n},
		hP0515: hit[P0515HitContext]{n},
		hP0516: hit[P0516HitContext]{n},
		hP0517: hit[P0517HitContext]{n},
		hP0518: hit[P0518HitContext]{n},
		hP0519: hit[P0519HitContext]{n},
		hP0520: hit[P0520HitContext]{n},
		hP0521: hit[P0521HitContext]{n},
		hP0522: hit[P0522HitContext]{n},
		hP0523: hit[P0523HitContext]{n},
		hP0524: hit[P0524HitContext]{n},
		hP0525: hit[P0525HitContext]{n},
		hP0526: hit[P0526HitContext]{n},
		hP0527: hit[P0527HitContext]{n},
		hP0528: hit[P0528HitContext]{n},
		hP0529: hit[P0529HitContext]{n},
		hP0530: hit[P0530HitContext]{n},
		hP0531: hit[P0531HitContext]{n},
		hP0532: hit[P0532HitContext]{n},
		hP0533: hit[P0533HitContext]{n},
		hP0534: hit[P0534HitContext]{n},
		hP0535: hit[P0535HitContext]{n},
		hP0536: hit[P0536HitContext]{n},
		hP0537: hit[P0537HitContext]{n},
		hP0538: hit[P0538HitContext]{n},
		hP0539: hit[P0539HitContext]{n},
		hP0540: hit[P0540HitContext]{n},
		hP0541: hit[P0541HitContext]{n},
		hP0542: hit[P0542HitContext]{n},
		hP0543: hit[P0543HitContext]{n},
		hP0544: hit[P0544HitContext]{n},
		hP0545: hit[P0545HitContext]{n},
		hP0546: hit[P0546HitContext]{n},
		hP0547: hit[P0547HitContext]{n},
		hP0548: hit[P0548HitContext]{n},
		hP0549: hit[P0549HitContext]{n},
		hP0550: hit[P0550HitContext]{n},
		hP0551: hit[P0551HitContext]{n},
		hP0552: hit[P0552HitContext]{n},
		hP0553: hit[P0553HitContext]{n},
		hP0554: hit[P0554HitContext]{n},
		hP0555: hit[P0555HitContext]{n},
		hP0556: hit[P0556HitContext]{n},
		hP0557: hit[P0557HitContext]{n},
		hP0558: hit[P0558HitContext]{n},
		hP0559: hit[P0559HitContext]{n},
		hP0560: hit[P0560HitContext]{n},
		hP0561: hit[P0561HitContext]{n},
		hP0562: hit[P0562HitContext]{n},
		hP0563: hit[P0563HitContext]{n},
		hP0564: hit[P0564HitContext]{n},
		hP0565: hit[P0565HitContext]{n},
		hP0566: hit[P0566HitContext]{n},
		hP0567: hit[P0567HitContext]{n},
		hP0568: hit[P0568HitContext]{n},
		hP0569: hit[P0569HitContext]{n},
		hP0570: hit[P0570HitContext]{n},
		hP0571: hit[P0571HitContext]{n},
		hP0572: hit[P0572HitContext]{n},
		hP0573: hit[P0573HitContext]{n},
		hP0574: hit[P0574HitContext]{n},
		hP0575: hit[P0575HitContext]{n},
		hP0576: hit[P0576HitContext]{n},
		hP0577: hit[P0577HitContext]{n},
		hP0578: hit[P0578HitContext]{n},
		hP0579: hit[P0579HitContext]{n},
		hP0580: hit[P0580HitContext]{n},
		hP0581: hit[P0581HitContext]{n},
		hP0582: hit[P0582HitContext]{n},
		hP0583: hit[P0583HitContext]{n},
		hP0584: hit[P0584HitContext]{n},
		hP0585: hit[P0585HitContext]{n},
		hP0586: hit[P0586HitContext]{n},
		hP0587: hit[P0587HitContext]{n},
		hP0588: hit[P0588HitContext]{n},
		hP0589: hit[P0589HitContext]{n},
		hP0590: hit[P0590HitContext]{n},
		hP0591: hit[P0591HitContext]{n},
		hP0592: hit[P0592HitContext]{n},
		hP0593: hit[P0593HitContext]{n},
		hP0594: hit[P0594HitContext]{n},
		hP0595: hit[P0595HitContext]{n},
		hP0596: hit[P0596HitContext]{n},
		hP0597: hit[P0597HitContext]{n},
		hP0598: hit[P0598HitContext]{n},
		hP0599: hit[P0599HitContext]{n},
		hP0600: hit[P0600HitContext]{n},
		hP0601: hit[P0601HitContext]{n},
		hP0602: hit[P0602HitContext]{n},
		hP0603: hit[P0603HitContext]{n},
		hP0604: hit[P0604HitContext]{n},
		hP0605: hit[P0605HitContext]{n},
		hP0606: hit[P0606HitContext]{n},
		hP0607: hit[P0607HitContext]{n},
		hP0608: hit[P0608HitContext]{n},
		hP0609: hit[P0609HitContext]{n},
		hP0610: hit[P0610HitContext]{n},
		hP0611: hit[P0611HitContext]{n},
		hP0612: hit[P0612HitContext]{n},
		hP0613: hit[P0613HitContext]{n},
		hP0614: hit[P0614HitContext]{n},
		hP0615: hit[P0615HitContext]{n},
		hP0616: hit[P0616HitContext]{n},
		hP0617: hit[P0617HitContext]{n},
		hP0618: hit[P0618HitContext]{n},
		hP0619: hit[P0619HitContext]{n},
		hP0620: hit[P0620HitContext]{n},
		hP0621: hit[P0621HitContext]{n},
		hP0622: hit[P0622HitContext]{n},
		hP0623: hit[P0623HitContext]{n},
		hP0624: hit[P0624HitContext]{n},
		hP0625: hit[P0625HitContext]{n},
		hP0626: hit[P0626HitContext]{n},
		hP0627: hit[P0627HitContext]{n},
		hP0628: hit[P0628HitContext]{n},
		hP0629: hit[P0629HitContext]{n},
		hP0630: hit[P0630HitContext]{n},
		hP0631: hit[P0631HitContext]{n},
		hP0632: hit[P0632HitContext]{n},
		hP0633: hit[P0633HitContext]{n},
		hP0634: hit[P0634HitContext]{n},
		hP0635: hit[P0635HitContext]{n},
		hP0636: hit[P0636HitContext]{n},
		hP0637: hit[P0637HitContext]{n},
		hP0638: hit[P0638HitContext]{n},
		hP0639: hit[P0639HitContext]{n},
		hP0640: hit[P0640HitContext]{n},
		hP0641: hit[P0641HitContext]{n},
		hP0642: hit[P0642HitContext]{n},
		hP0643: hit[P0643HitContext]{n},
		hP0644: hit[P0644HitContext]{n},
		hP0645: hit[P0645HitContext]{n},
		hP0646: hit[P0646HitContext]{n},
		hP0647: hit[P0647HitContext]{n},
		hP0648: hit[P0648HitContext]{n},
		hP0649: hit[P0649HitContext]{n},
		hP0650: hit[P0650HitContext]{n},
		hP0651: hit[P0651HitContext]{n},
		hP0652: hit[P0652HitContext]{n},
		hP0653: hit[P0653HitContext]{n},
		hP0654: hit[P0654HitContext]{n},
		hP0655: hit[P0655HitContext]{n},
		hP0656: hit[P0656HitContext]{n},
		hP0657: hit[P0657HitContext]{n},
		hP0658: hit[P0658HitContext]{n},
		hP0659: hit[P0659HitContext]{n},
		hP0660: hit[P0660HitContext]{n},
		hP0661: hit[P0661HitContext]{n},
		hP0662: hit[P0662HitContext]{n},
		hP0663: hit[P0663HitContext]{n},
		hP0664: hit[P0664HitContext]{n},
		hP0665: hit[P0665HitContext]{n},
		hP0666: hit[P0666HitContext]{n},
		hP0667: hit[P0667HitContext]{n},
		hP0668: hit[P0668HitContext]{n},
		hP0669: hit[P0669HitContext]{n},
		hP0670: hit[P0670HitContext]{n},
		hP0671: hit[P0671HitContext]{n},
		hP0672: hit[P0672HitContext]{n},
		hP0673: hit[P0673HitContext]{n},
		hP0674: hit[P0674HitContext]{n},
		hP0675: hit[P0675HitContext]{n},
		hP0676: hit[P0676HitContext]{n},
		hP0677: hit[P0677HitContext]{n},
		hP0678: hit[P0678HitContext]{n},
		hP0679: hit[P0679HitContext]{n},
		hP0680: hit[P0680HitContext]{n},
		hP0681: hit[P0681HitContext]{n},
		hP0682: hit[P0682HitContext]{n},
		hP0683: hit[P0683HitContext]{n},
		hP0684: hit[P0684HitContext]{n},
		hP0685: hit[P0685HitContext]{n},
		hP0686: hit[P0686HitContext]{n},
		hP0687: hit[P0687HitContext]{n},
		hP0688: hit[P0688HitContext]{n},
		hP0689: hit[P0689HitContext]{n},
		hP0690: hit[P0690HitContext]{n},
		hP0691: hit[P0691HitContext]{n},
		hP0692: hit[P0692HitContext]{n},
		hP0693: hit[P0693HitContext]{n},
		hP0694: hit[P0694HitContext]{n},
		hP0695: hit[P0695HitContext]{n},
		hP0696: hit[P0696HitContext]{n},
		hP0697: hit[P0697HitContext]{n},
		hP0698: hit[P0698HitContext]{n},
		hP0699: hit[P0699HitContext]{n},
		hP0700: hit[P0700HitContext]{n},
		hP0701: hit[P0701HitContext]{n},
		hP0702: hit[P0702HitContext]{n},
		hP0703: hit[P0703HitContext]{n},
		hP0704: hit[P0704HitContext]{n},
		hP0705: hit[P0705HitContext]{n},
		hP0706: hit[P0706HitContext]{n},
		hP0707: hit[P0707HitContext]{n},
		hP0708: hit[P0708HitContext]{n},
		hP0709: hit[P0709HitContext]{n},
		hP0710: hit[P0710HitContext]{n},
		hP0711: hit[P0711HitContext]{n},
		hP0712: hit[P0712HitContext]{n},
		hP0713: hit[P0713HitContext]{n},
		hP0714: hit[P0714HitContext]{n},
		hP0715: hit[P0715HitContext]{n},
		hP0716: hit[P0716HitContext]{n},
		hP0717: hit[P0717HitContext]{n},
		hP0718: hit[P0718HitContext]{n},
		hP0719: hit[P0719HitContext]{n},
		hP0720: hit[P0720HitContext]{n},
		hP0721: hit[P0721HitContext]{n},
		hP0722: hit[P0722HitContext]{n},
		hP0723: hit[P0723HitContext]{n},
		hP0724: hit[P0724HitContext]{n},
		hP0725: hit[P0725HitContext]{n},
		hP0726: hit[P0726HitContext]{n},
		hP0727: hit[P0727HitContext]{n},
		hP0728: hit[P0728HitContext]{n},
		hP0729: hit[P0729HitContext]{n},
		hP0730: hit[P0730HitContext]{n},
		hP0731: hit[P0731HitContext]{n},
		hP0732: hit[P0732HitContext]{n},
		hP0733: hit[P0733HitContext]{n},
		hP0734: hit[P0734HitContext]{n},
		hP0735: hit[P0735HitContext]{n},
		hP0736: hit[P0736HitContext]{n},
		hP0737: hit[P0737HitContext]{n},
		hP0738: hit[P0738HitContext]{n},
		hP0739: hit[P0739HitContext]{n},
		hP0740: hit[P0740HitContext]{n},
		hP0741: hit[P0741HitContext]{n},
		hP0742: hit[P0742HitContext]{n},
		hP0743: hit[P0743HitContext]{n},
		hP0744: hit[P0744HitContext]{n},
		hP0745: hit[P0745HitContext]{n},
		hP0746: hit[P0746HitContext]{n},
		hP0747: hit[P0747HitContext]{n},
		hP0748: hit[P0748HitContext]{n},
		hP0749: hit[P0749HitContext]{n},
		hP0750: hit[P0750HitContext]{n},
		hP0751: hit[P0751HitContext]{n},
		hP0752: hit[P0752HitContext]{n},
		hP0753: hit[P0753HitContext]{n},
		hP0754: hit[P0754HitContext]{n},
		hP0755: hit[P0755HitContext]{n},
		hP0756: hit[P0756HitContext]{n},
		hP0757: hit[P0757HitContext]{n},
		hP0758: hit[P0758HitContext]{n},
		hP0759: hit[P0759HitContext]{n},
		hP0760: hit[P0760HitContext]{n},
		hP0761: hit[P0761HitContext]{n},
		hP0762: hit[P0762HitContext]{n},
		hP0763: hit[P0763HitContext]{n},
		hP0764: hit[P0764HitContext]{n},
		hP0765: hit[P0765HitContext]{n},
		hP0766: hit[P0766HitContext]{n},
		hP0767: hit[P0767HitContext]{n},
		hP0768: hit[P0768HitContext]{n},
		hP0769: hit[P0769HitContext]{n},
		hP0770: hit[P0770HitContext]{n},
		hP0771: hit[P0771HitContext]{n},
		hP0772: hit[P0772HitContext]{n},
		hP0773: hit[P0773HitContext]{n},
		hP0774: hit[P0774HitContext]{n},
		hP0775: hit[P0775HitContext]{n},
		hP0776: hit[P0776HitContext]{n},
		hP0777: hit[P0777HitContext]{n},
		hP0778: hit[P0778HitContext]{n},
		hP0779: hit[P0779HitContext]{n},
		hP0780: hit[P0780HitContext]{n},
		hP0781: hit[P0781HitContext]{n},
		hP0782: hit[P0782HitContext]{n},
		hP0783: hit[P0783HitContext]{n},
		hP0784: hit[P0784HitContext]{n},
		hP0785: hit[P0785HitContext]{n},
		hP0786: hit[P0786HitContext]{n},
		hP0787: hit[P0787HitContext]{n},
		hP0788: hit[P0788HitContext]{n},
		hP0789: hit[P0789HitContext]{n},
		hP0790: hit[P0790HitContext]{n},
		hP0791: hit[P0791HitContext]{n},
		hP0792: hit[P0792HitContext]{n},
		hP0793: hit[P0793HitContext]{n},
		hP0794: hit[P0794HitContext]{n},
		hP0795: hit[P0795HitContext]{n},
		hP0796: hit[P0796HitContext]{n},
		hP0797: hit[P0797HitContext]{n},
		hP0798: hit[P0798HitContext]{n},
		hP0799: hit[P0799HitContext]{n},
		hP0800: hit[P0800HitContext]{n},
		hP0801: hit[P0801HitContext]{n},
		hP0802: hit[P0802HitContext]{n},
		hP0803: hit[P0803HitContext]{n},
		hP0804: hit[P0804HitContext]{n},
		hP0805: hit[P0805HitContext]{n},
		hP0806: hit[P0806HitContext]{n},
		hP0807: hit[P0807HitContext]{n},
		hP0808: hit[P0808HitContext]{n},
		hP0809: hit[P0809HitContext]{n},
		hP0810: hit[P0810HitContext]{n},
		hP0811: hit[P0811HitContext]{n},
		hP0812: hit[P0812HitContext]{n},
		hP0813: hit[P0813HitContext]{n},
		hP0814: hit[P0814HitContext]{n},
		hP0815: hit[P0815HitContext]{n},
		hP0816: hit[P0816HitContext]{n},
		hP0817: hit[P0817HitContext]{n},
		hP0818: hit[P0818HitContext]{n},
		hP0819: hit[P0819HitContext]{n},
		hP0820: hit[P0820HitContext]{n},
		hP0821: hit[P0821HitContext]{n},
		hP0822: hit[P0822HitContext]{n},
		hP0823: hit[P0823HitContext]{n},
		hP0824: hit[P0824HitContext]{n},
		hP0825: hit[P0825HitContext]{n},
		hP0826: hit[P0826HitContext]{n},
		hP0827: hit[P0827HitContext]{n},
		hP0828: hit[P0828HitContext]{n},
		hP0829: hit[P0829HitContext]{n},
		hP0830: hit[P0830HitContext]{n},
		hP0831: hit[P0831HitContext]{n},
		hP0832: hit[P0832HitContext]{n},
		hP0833: hit[P0833HitContext]{n},
		hP0834: hit[P0834HitContext]{n},
		hP0835: hit[P0835HitContext]{n},
		hP0836: hit[P0836HitContext]{n},
		hP0837: hit[P0837HitContext]{n},
		hP0838: hit[P0838HitContext]{n},
		hP0839: hit[P0839HitContext]{n},
		hP0840: hit[P0840HitContext]{n},
		hP0841: hit[P0841HitContext]{n},
		hP0842: hit[P0842HitContext]{n},
		hP0843: hit[P0843HitContext]{n},
		hP0844: hit[P0844HitContext]{n},
		hP0845: hit[P0845HitContext]{n},
		hP0846: hit[P0846HitContext]{n},
		hP0847: hit[P0847HitContext]{n},
		hP0848: hit[P0848HitContext]{n},
		hP0849: hit[P0849HitContext]{n},
		hP0850: hit[P0850HitContext]{n},
		hP0851: hit[P0851HitContext]{n},
		hP0852: hit[P0852HitContext]{n},
		hP0853: hit[P0853HitContext]{n},
		hP0854: hit[P0854HitContext]{n},
		hP0855: hit[P0855HitContext]{n},
		hP0856: hit[P0856HitContext]{n},
		hP0857: hit[P0857HitContext]{n},
		hP0858: hit[P0858HitContext]{n},
		hP0859: hit[P0859HitContext]{n},
		hP0860: hit[P0860HitContext]{n},
		hP0861: hit[P0861HitContext]{n},
		hP0862: hit[P0862HitContext]{n},
		hP0863: hit[P0863HitContext]{n},
		hP0864: hit[P0864HitContext]{n},
		hP0865: hit[P0865HitContext]{n},
		hP0866: hit[P0866HitContext]{n},
		hP0867: hit[P0867HitContext]{n},
		hP0868: hit[P0868HitContext]{n},
		hP0869: hit[P0869HitContext]{n},
		hP0870: hit[P0870HitContext]{n},
		hP0871: hit[P0871HitContext]{n},
		hP0872: hit[P0872HitContext]{n},
		hP0873: hit[P0873HitContext]{n},
		hP0874: hit[P0874HitContext]{n},
		hP0875: hit[P0875HitContext]{n},
		hP0876: hit[P0876HitContext]{n},
		hP0877: hit[P0877HitContext]{n},
		hP0878: hit[P0878HitContext]{n},
		hP0879: hit[P0879HitContext]{n},
		hP0880: hit[P0880HitContext]{n},
		hP0881: hit[P0881HitContext]{n},
		hP0882: hit[P0882HitContext]{n},
		hP0883: hit[P0883HitContext]{n},
		hP0884: hit[P0884HitContext]{n},
		hP0885: hit[P0885HitContext]{n},
		hP0886: hit[P0886HitContext]{n},
		hP0887: hit[P0887HitContext]{n},
		hP0888: hit[P0888HitContext]{n},
		hP0889: hit[P0889HitContext]{n},
		hP0890: hit[P0890HitContext]{n},
		hP0891: hit[P0891HitContext]{n},
		hP0892: hit[P0892HitContext]{n},
		hP0893: hit[P0893HitContext]{n},
		hP0894: hit[P0894HitContext]{n},
		hP0895: hit[P0895HitContext]{n},
		hP0896: hit[P0896HitContext]{n},
		hP0897: hit[P0897HitContext]{n},
		hP0898: hit[P0898HitContext]{n},
		hP0899: hit[P0899HitContext]{n},
		hP0900: hit[P0900HitContext]{n},
		hP0901: hit[P0901HitContext]{n},
		hP0902: hit[P0902HitContext]{n},
		hP0903: hit[P0903HitContext]{n},
		hP0904: hit[P0904HitContext]{n},
		hP0905: hit[P0905HitContext]{n},
		hP0906: hit[P0906HitContext]{n},
		hP0907: hit[P0907HitContext]{n},
		hP0908: hit[P0908HitContext]{n},
		hP0909: hit[P0909HitContext]{n},
		hP0910: hit[P0910HitContext]{n},
		hP0911: hit[P0911HitContext]{n},
		hP0912: hit[P0912HitContext]{n},
		hP0913: hit[P0913HitContext]{n},
		hP0914: hit[P0914HitContext]{n},
		hP0915: hit[P0915HitContext]{n},
		hP0916: hit[P0916HitContext]{n},
		hP0917: hit[P0917HitContext]{n},
		hP0918: hit[P0918HitContext]{n},
		hP0919: hit[P0919HitContext]{n},
		hP0920: hit[P0920HitContext]{n},
		hP0921: hit[P0921HitContext]{n},
		hP0922: hit[P0922HitContext]{n},
		hP0923: hit[P0923HitContext]{n},
		hP0924: hit[P0924HitContext]{n},
		hP0925: hit[P0925HitContext]{n},
		hP0926: hit[P0926HitContext]{n},
		hP0927: hit[P0927HitContext]{n},
		hP0928: hit[P0928HitContext]{n},
		hP0929: hit[P0929HitContext]{n},
		hP0930: hit[P0930HitContext]{n},
		hP0931: hit[P0931HitContext]{n},
		hP0932: hit[P0932HitContext]{n},
		hP0933: hit[P0933HitContext]{n},
		hP0934: hit[P0934HitContext]{n},
		hP0935: hit[P0935HitContext]{n},
		hP0936: hit[P0936HitContext]{n},
		hP0937: hit[P0937HitContext]{n},
		hP0938: hit[P0938HitContext]{n},
		hP0939: hit[P0939HitContext]{n},
		hP0940: hit[P0940HitContext]{n},
		hP0941: hit[P0941HitContext]{n},
		hP0942: hit[P0942HitContext]{n},
		hP0943: hit[P0943HitContext]{n},
		hP0944: hit[P0944HitContext]{n},
		hP0945: hit[P0945HitContext]{n},
		hP0946: hit[P0946HitContext]{n},
		hP0947: hit[P0947HitContext]{n},
		hP0948: hit[P0948HitContext]{n},
		hP0949: hit[P0949HitContext]{n},
		hP0950: hit[P0950HitContext]{n},
		hP0951: hit[P0951HitContext]{n},
		hP0952: hit[P0952HitContext]{n},
		hP0953: hit[P0953HitContext]{n},
		hP0954: hit[P0954HitContext]{n},
		hP0955: hit[P0955HitContext]{n},
		hP0956: hit[P0956HitContext]{n},
		hP0957: hit[P0957HitContext]{n},
		hP0958: hit[P0958HitContext]{n},
		hP0959: hit[P0959HitContext]{n},
		hP0960: hit[P0960HitContext]{n},
		hP0961: hit[P0961HitContext]{n},
		hP0962: hit[P0962HitContext]{n},
		hP0963: hit[P0963HitContext]{n},
		hP0964: hit[P0964HitContext]{n},
		hP0965: hit[P0965HitContext]{n},
		hP0966: hit[P0966HitContext]{n},
		hP0967: hit[P0967HitContext]{n},
		hP0968: hit[P0968HitContext]{n},
		hP0969: hit[P0969HitContext]{n},
		hP0970: hit[P0970HitContext]{n},
		hP0971: hit[P0971HitContext]{n},
		hP0972: hit[P0972HitContext]{n},
		hP0973: hit[P0973HitContext]{n},
		hP0974: hit[P0974HitContext]{n},
		hP0975: hit[P0975HitContext]{n},
		hP0976: hit[P0976HitContext]{n},
		hP0977: hit[P0977HitContext]{n},
		hP0978: hit[P0978HitContext]{n},
		hP0979: hit[P0979HitContext]{n},
		hP0980: hit[P0980HitContext]{n},
		hP0981: hit[P0981HitContext]{n},
		hP0982: hit[P0982HitContext]{n},
		hP0983: hit[P0983HitContext]{n},
		hP0984: hit[P0984HitContext]{n},
		hP0985: hit[P0985HitContext]{n},
		hP0986: hit[P0986HitContext]{n},
		hP0987: hit[P0987HitContext]{n},
		hP0988: hit[P0988HitContext]{n},
		hP0989: hit[P0989HitContext]{n},
		hP0990: hit[P0990HitContext]{n},
		hP0991: hit[P0991HitContext]{n},
		hP0992: hit[P0992HitContext]{n},
		hP0993: hit[P0993HitContext]{n},
		hP0994: hit[P0994HitContext]{n},
		hP0995: hit[P0995HitContext]{n},
		hP0996: hit[P0996HitContext]{n},
		hP0997: hit[P0997HitContext]{n},
		hP0998: hit[P0998HitContext]{n},
		hP0999: hit[P0999HitContext]{n},
	}
}

// handDispatch is the switch a person would write for the same patterns,
// calling the same handlers through the same interfaces.
func handDispatch(d *fwDispatcher, c *fwimpl.Call, m fwimpl.Msg) error {
	switch m.Kind {
	case fwKindSingle:
		if o := m.Ev.(*Single); o.ID == "p0000" {
			return d.hOne.OnHit(OneHitContext{fwOnSingle{c}}, o.Amount)
		}
	case fwKindTen:
		o := m.Ev.(*Ten)
		switch o.ID {
		case "p0000":
			return d.hT00.OnHit(T00HitContext{fwOnTen{c}}, o.Amount)
		case "p0001":
			return d.hT01.OnHit(T01HitContext{fwOnTen{c}}, o.Amount)
		case "p0002":
			return d.hT02.OnHit(T02HitContext{fwOnTen{c}}, o.Amount)
		case "p0003":
			return d.hT03.OnHit(T03HitContext{fwOnTen{c}}, o.Amount)
		case "p0004":
			return d.hT04.OnHit(T04HitContext{fwOnTen{c}}, o.Amount)
		case "p0005":
			return d.hT05.OnHit(T05HitContext{fwOnTen{c}}, o.Amount)
		case "p0006":
			return d.hT06.OnHit(T06HitContext{fwOnTen{c}}, o.Amount)
		case "p0007":
			return d.hT07.OnHit(T07HitContext{fwOnTen{c}}, o.Amount)
		case "p0008":
			return d.hT08.OnHit(T08HitContext{fwOnTen{c}}, o.Amount)
		case "p0009":
			return d.hT09.OnHit(T09HitContext{fwOnTen{c}}, o.Amount)
		}
	case fwKindHundred:
		o := m.Ev.(*Hundred)
		switch o.ID {
		case "p0000":
			return d.hH000.OnHit(H000HitContext{fwOnHundred{c}}, o.Amount)
		case "p0001":
			return d.hH001.OnHit(H001HitContext{fwOnHundred{c}}, o.Amount)
		case "p0002":
			return d.hH002.OnHit(H002HitContext{fwOnHundred{c}}, o.Amount)
		case "p0003":
			return d.hH003.OnHit(H003HitContext{fwOnHundred{c}}, o.Amount)
		case "p0004":
			return d.hH004.OnHit(H004HitContext{fwOnHundred{c}}, o.Amount)
		case "p0005":
			return d.hH005.OnHit(H005HitContext{fwOnHundred{c}}, o.Amount)
		case "p0006":
			return d.hH006.OnHit(H006HitContext{fwOnHundred{c}}, o.Amount)
		case "p0007":
			return d.hH007.OnHit(H007HitContext{fwOnHundred{c}}, o.Amount)
		case "p0008":
			return d.hH008.OnHit(H008HitContext{fwOnHundred{c}}, o.Amount)
		case "p0009":
			return d.hH009.OnHit(H009HitContext{fwOnHundred{c}}, o.Amount)
		case "p0010":
			return d.hH010.OnHit(H010HitContext{fwOnHundred{c}}, o.Amount)
		case "p0011":
			return d.hH011.OnHit(H011HitContext{fwOnHundred{c}}, o.Amount)
		case "p0012":
			return d.hH012.OnHit(H012HitContext{fwOnHundred{c}}, o.Amount)
		case "p0013":
			return d.hH013.OnHit(H013HitContext{fwOnHundred{c}}, o.Amount)
		case "p0014":
			return d.hH014.OnHit(H014HitContext{fwOnHundred{c}}, o.Amount)
		case "p0015":
			return d.hH015.OnHit(H015HitContext{fwOnHundred{c}}, o.Amount)
		case "p0016":
			return d.hH016.OnHit(H016HitContext{fwOnHundred{c}}, o.Amount)
		case "p0017":
			return d.hH017.OnHit(H017HitContext{fwOnHundred{c}}, o.Amount)
		case "p0018":
			return d.hH018.OnHit(H018HitContext{fwOnHundred{c}}, o.Amount)
		case "p0019":
			return d.hH019.OnHit(H019HitContext{fwOnHundred{c}}, o.Amount)
		case "p0020":
			return d.hH020.OnHit(H020HitContext{fwOnHundred{c}}, o.Amount)
		case "p0021":
			return d.hH021.OnHit(H021HitContext{fwOnHundred{c}}, o.Amount)
		case "p0022":
			return d.hH022.OnHit(H022HitContext{fwOnHundred{c}}, o.Amount)
		case "p0023":
			return d.hH023.OnHit(H023HitContext{fwOnHundred{c}}, o.Amount)
		case "p0024":
			return d.hH024.OnHit(H024HitContext{fwOnHundred{c}}, o.Amount)
		case "p0025":
			return d.hH025.OnHit(H025HitContext{fwOnHundred{c}}, o.Amount)
		case "p0026":
			return d.hH026.OnHit(H026HitContext{fwOnHundred{c}}, o.Amount)
		case "p0027":
			return d.hH027.OnHit(H027HitContext{fwOnHundred{c}}, o.Amount)
		case "p0028":
			return d.hH028.OnHit(H028HitContext{fwOnHundred{c}}, o.Amount)
		case "p0029":
			return d.hH029.OnHit(H029HitContext{fwOnHundred{c}}, o.Amount)
		case "p0030":
			return d.hH030.OnHit(H030HitContext{fwOnHundred{c}}, o.Amount)
		case "p0031":
			return d.hH031.OnHit(H031HitContext{fwOnHundred{c}}, o.Amount)
		case "p0032":
			return d.hH032.OnHit(H032HitContext{fwOnHundred{c}}, o.Amount)
		case "p0033":
			return d.hH033.OnHit(H033HitContext{fwOnHundred{c}}, o.Amount)
		case "p0034":
			return d.hH034.OnHit(H034HitContext{fwOnHundred{c}}, o.Amount)
		case "p0035":
			return d.hH035.OnHit(H035HitContext{fwOnHundred{c}}, o.Amount)
		case "p0036":
			return d.hH036.OnHit(H036HitContext{fwOnHundred{c}}, o.Amount)
		case "p0037":
			return d.hH037.OnHit(H037HitContext{fwOnHundred{c}}, o.Amount)
		case "p0038":
			return d.hH038.OnHit(H038HitContext{fwOnHundred{c}}, o.Amount)
		case "p0039":
			return d.hH039.OnHit(H039HitContext{fwOnHundred{c}}, o.Amount)
		case "p0040":
			return d.hH040.OnHit(H040HitContext{fwOnHundred{c}}, o.Amount)
		case "p0041":
			return d.hH041.OnHit(H041HitContext{fwOnHundred{c}}, o.Amount)
		case "p0042":
			return d.hH042.OnHit(H042HitContext{fwOnHundred{c}}, o.Amount)
		case "p0043":
			return d.hH043.OnHit(H043HitContext{fwOnHundred{c}}, o.Amount)
		case "p0044":
			return d.hH044.OnHit(H044HitContext{fwOnHundred{c}}, o.Amount)
		case "p0045":
			return d.hH045.OnHit(H045HitContext{fwOnHundred{c}}, o.Amount)
		case "p0046":
			return d.hH046.OnHit(H046HitContext{fwOnHundred{c}}, o.Amount)
		case "p0047":
			return d.hH047.OnHit(H047HitContext{fwOnHundred{c}}, o.Amount)
		case "p0048":
			return d.hH048.OnHit(H048HitContext{fwOnHundred{c}}, o.Amount)
		case "p0049":
			return d.hH049.OnHit(H049HitContext{fwOnHundred{c}}, o.Amount)
		case "p0050":
			return d.hH050.OnHit(H050HitContext{fwOnHundred{c}}, o.Amount)
		case "p0051":
			return d.hH051.OnHit(H051HitContext{fwOnHundred{c}}, o.Amount)
		case "p0052":
			return d.hH052.OnHit(H052HitContext{fwOnHundred{c}}, o.Amount)
		case "p0053":
			return d.hH053.OnHit(H053HitContext{fwOnHundred{c}}, o.Amount)
		case "p0054":
			return d.hH054.OnHit(H054HitContext{fwOnHundred{c}}, o.Amount)
		case "p0055":
			return d.hH055.OnHit(H055HitContext{fwOnHundred{c}}, o.Amount)
		case "p0056":
			return d.hH056.OnHit(H056HitContext{fwOnHundred{c}}, o.Amount)
		case "p0057":
			return d.hH057.OnHit(H057HitContext{fwOnHundred{c}}, o.Amount)
		case "p0058":
			return d.hH058.OnHit(H058HitContext{fwOnHundred{c}}, o.Amount)
		case "p0059":
			return d.hH059.OnHit(H059HitContext{fwOnHundred{c}}, o.Amount)
		case "p0060":
			return d.hH060.OnHit(H060HitContext{fwOnHundred{c}}, o.Amount)
		case "p0061":
			return d.hH061.OnHit(H061HitContext{fwOnHundred{c}}, o.Amount)
		case "p0062":
			return d.hH062.OnHit(H062HitContext{fwOnHundred{c}}, o.Amount)
		case "p0063":
			return d.hH063.OnHit(H063HitContext{fwOnHundred{c}}, o.Amount)
		case "p0064":
			return d.hH064.OnHit(H064HitContext{fwOnHundred{c}}, o.Amount)
		case "p0065":
			return d.hH065.OnHit(H065HitContext{fwOnHundred{c}}, o.Amount)
		case "p0066":
			return d.hH066.OnHit(H066HitContext{fwOnHundred{c}}, o.Amount)
		case "p0067":
			return d.hH067.OnHit(H067HitContext{fwOnHundred{c}}, o.Amount)
		case "p0068":
			return d.hH068.OnHit(H068HitContext{fwOnHundred{c}}, o.Amount)
		case "p0069":
			return d.hH069.OnHit(H069HitContext{fwOnHundred{c}}, o.Amount)
		case "p0070":
			return d.hH070.OnHit(H070HitContext{fwOnHundred{c}}, o.Amount)
		case "p0071":
			return d.hH071.OnHit(H071HitContext{fwOnHundred{c}}, o.Amount)
		case "p0072":
			return d.hH072.OnHit(H072HitContext{fwOnHundred{c}}, o.Amount)
		case "p0073":
			return d.hH073.OnHit(H073HitContext{fwOnHundred{c}}, o.Amount)
		case "p0074":
			return d.hH074.OnHit(H074HitContext{fwOnHundred{c}}, o.Amount)
		case "p0075":
			return d.hH075.OnHit(H075HitContext{fwOnHundred{c}}, o.Amount)
		case "p0076":
			return d.hH076.OnHit(H076HitContext{fwOnHundred{c}}, o.Amount)
		case "p0077":
			return d.hH077.OnHit(H077HitContext{fwOnHundred{c}}, o.Amount)
		case "p0078":
			return d.hH078.OnHit(H078HitContext{fwOnHundred{c}}, o.Amount)
		case "p0079":
			return d.hH079.OnHit(H079HitContext{fwOnHundred{c}}, o.Amount)
		case "p0080":
			return d.hH080.OnHit(H080HitContext{fwOnHundred{c}}, o.Amount)
		case "p0081":
			return d.hH081.OnHit(H081HitContext{fwOnHundred{c}}, o.Amount)
		case "p0082":
			return d.hH082.OnHit(H082HitContext{fwOnHundred{c}}, o.Amount)
		case "p0083":
			return d.hH083.OnHit(H083HitContext{fwOnHundred{c}}, o.Amount)
		case "p0084":
			return d.hH084.OnHit(H084HitContext{fwOnHundred{c}}, o.Amount)
		case "p0085":
			return d.hH085.OnHit(H085HitContext{fwOnHundred{c}}, o.Amount)
		case "p0086":
			return d.hH086.OnHit(H086HitContext{fwOnHundred{c}}, o.Amount)
		case "p0087":
			return d.hH087.OnHit(H087HitContext{fwOnHundred{c}}, o.Amount)
		case "p0088":
			return d.hH088.OnHit(H088HitContext{fwOnHundred{c}}, o.Amount)
		case "p0089":
			return d.hH089.OnHit(H089HitContext{fwOnHundred{c}}, o.Amount)
		case "p0090":
			return d.hH090.OnHit(H090HitContext{fwOnHundred{c}}, o.Amount)
		case "p0091":
			return d.hH091.OnHit(H091HitContext{fwOnHundred{c}}, o.Amount)
		case "p0092":
			return d.hH092.OnHit(H092HitContext{fwOnHundred{c}}, o.Amount)
		case "p0093":
			return d.hH093.OnHit(H093HitContext{fwOnHundred{c}}, o.Amount)
		case "p0094":
			return d.hH094.OnHit(H094HitContext{fwOnHundred{c}}, o.Amount)
		case "p0095":
			return d.hH095.OnHit(H095HitContext{fwOnHundred{c}}, o.Amount)
		case "p0096":
			return d.hH096.OnHit(H096HitContext{fwOnHundred{c}}, o.Amount)
		case "p0097":
			return d.hH097.OnHit(H097HitContext{fwOnHundred{c}}, o.Amount)
		case "p0098":
			return d.hH098.OnHit(H098HitContext{fwOnHundred{c}}, o.Amount)
		case "p0099":
			return d.hH099.OnHit(H099HitContext{fwOnHundred{c}}, o.Amount)
		}
	case fwKindOrder:
		o := m.Ev.(*Order)
		switch o.ID {
		case "p0000":
			return d.hP0000.OnHit(P0000HitContext{fwOnOrder{c}}, o.Amount)
		case "p0001":
			return d.hP0001.OnHit(P0001HitContext{fwOnOrder{c}}, o.Amount)
		case "p0002":
			return d.hP0002.OnHit(P0002HitContext{fwOnOrder{c}}, o.Amount)
		case "p0003":
			return d.hP0003.OnHit(P0003HitContext{fwOnOrder{c}}, o.Amount)
		case "p0004":
			return d.hP0004.OnHit(P0004HitContext{fwOnOrder{c}}, o.Amount)
		case "p0005":
			return d.hP0005.OnHit(P0005HitContext{fwOnOrder{c}}, o.Amount)
		case "p0006":
			return d.hP0006.OnHit(P0006HitContext{fwOnOrder{c}}, o.Amount)
		case "p0007":
			return d.hP0007.OnHit(P0007HitContext{fwOnOrder{c}}, o.Amount)
		case "p0008":
			return d.hP0008.OnHit(P0008HitContext{fwOnOrder{c}}, o.Amount)
		case "p0009":
			return d.hP0009.OnHit(P0009HitContext{fwOnOrder{c}}, o.Amount)
		case "p0010":
			return d.hP0010.OnHit(P0010HitContext{fwOnOrder{c}}, o.Amount)
		case "p0011":
			return d.hP0011.OnHit(P0011HitContext{fwOnOrder{c}}, o.Amount)
		case "p0012":
			return d.hP0012.OnHit(P0012HitContext{fwOnOrder{c}}, o.Amount)
		case "p0013":
			return d.hP0013.OnHit(P0013HitContext{fwOnOrder{c}}, o.Amount)
		case "p0014":
			return d.hP0014.OnHit(P0014HitContext{fwOnOrder{c}}, o.Amount)
		case "p0015":
			return d.hP0015.OnHit(P0015HitContext{fwOnOrder{c}}, o.Amount)
		case "p0016":
			return d.hP0016.OnHit(P0016HitContext{fwOnOrder{c}}, o.Amount)
		case "p0017":
			return d.hP0017.OnHit(P0017HitContext{fwOnOrder{c}}, o.Amount)
		case "p0018":
			return d.hP0018.OnHit(P0018HitContext{fwOnOrder{c}}, o.Amount)
		case "p0019":
			return d.hP0019.OnHit(P0019HitContext{fwOnOrder{c}}, o.Amount)
		case "p0020":
			return d.hP0020.OnHit(P0020HitContext{fwOnOrder{c}}, o.Amount)
		case "p0021":
			return d.hP0021.OnHit(P0021HitContext{fwOnOrder{c}}, o.Amount)
		case "p0022":
			return d.hP0022.OnHit(P0022HitContext{fwOnOrder{c}}, o.Amount)
		case "p0023":
			return d.hP0023.OnHit(P0023HitContext{fwOnOrder{c}}, o.Amount)
		case "p0024":
			return d.hP0024.OnHit(P0024HitContext{fwOnOrder{c}}, o.Amount)
		case "p0025":
			return d.hP0025.OnHit(P0025HitContext{fwOnOrder{c}}, o.Amount)
		case "p0026":
			return d.hP0026.OnHit(P0026HitContext{fwOnOrder{c}}, o.Amount)
		case "p0027":
			return d.hP0027.OnHit(P0027HitContext{fwOnOrder{c}}, o.Amount)
		case "p0028":
			return d.hP0028.OnHit(P0028HitContext{fwOnOrder{c}}, o.Amount)
		case "p0029":
			return d.hP0029.OnHit(P0029HitContext{fwOnOrder{c}}, o.Amount)
		case "p0030":
			return d.hP0030.OnHit(P0030HitContext{fwOnOrder{c}}, o.Amount)
		case "p0031":
			return d.hP0031.OnHit(P0031HitContext{fwOnOrder{c}}, o.Amount)
		case "p0032":
			return d.hP0032.OnHit(P0032HitContext{fwOnOrder{c}}, o.Amount)
		case "p0033":
			return d.hP0033.OnHit(P0033HitContext{fwOnOrder{c}}, o.Amount)
		case "p0034":
			return d.hP0034.OnHit(P0034HitContext{fwOnOrder{c}}, o.Amount)
		case "p0035":
			return d.hP0035.OnHit(P0035HitContext{fwOnOrder{c}}, o.Amount)
		case "p0036":
			return d.hP0036.OnHit(P0036HitContext{fwOnOrder{c}}, o.Amount)
		case "p0037":
			return d.hP0037.OnHit(P0037HitContext{fwOnOrder{c}}, o.Amount)
		case "p0038":
			return d.hP0038.OnHit(P0038HitContext{fwOnOrder{c}}, o.Amount)
		case "p0039":
			return d.hP0039.OnHit(P0039HitContext{fwOnOrder{c}}, o.Amount)
		case "p0040":
			return d.hP0040.OnHit(P0040HitContext{fwOnOrder{c}}, o.Amount)
		case "p0041":
			return d.hP0041.OnHit(P0041HitContext{fwOnOrder{c}}, o.Amount)
		case "p0042":
			return d.hP0042.OnHit(P0042HitContext{fwOnOrder{c}}, o.Amount)
		case "p0043":
			return d.hP0043.OnHit(P0043HitContext{fwOnOrder{c}}, o.Amount)
		case "p0044":
			return d.hP0044.OnHit(P0044HitContext{fwOnOrder{c}}, o.Amount)
		case "p0045":
			return d.hP0045.OnHit(P0045HitContext{fwOnOrder{c}}, o.Amount)
		case "p0046":
			return d.hP0046.OnHit(P0046HitContext{fwOnOrder{c}}, o.Amount)
		case "p0047":
			return d.hP0047.OnHit(P0047HitContext{fwOnOrder{c}}, o.Amount)
		case "p0048":
			return d.hP0048.OnHit(P0048HitContext{fwOnOrder{c}}, o.Amount)
		case "p0049":
			return d.hP0049.OnHit(P0049HitContext{fwOnOrder{c}}, o.Amount)
		case "p0050":
			return d.hP0050.OnHit(P0050HitContext{fwOnOrder{c}}, o.Amount)
		case "p0051":
			return d.hP0051.OnHit(P0051HitContext{fwOnOrder{c}}, o.Amount)
		case "p0052":
			return d.hP0052.OnHit(P0052HitContext{fwOnOrder{c}}, o.Amount)
		case "p0053":
			return d.hP0053.OnHit(P0053HitContext{fwOnOrder{c}}, o.Amount)
		case "p0054":
			return d.hP0054.OnHit(P0054HitContext{fwOnOrder{c}}, o.Amount)
		case "p0055":
			return d.hP0055.OnHit(P0055HitContext{fwOnOrder{c}}, o.Amount)
		case "p0056":
			return d.hP0056.OnHit(P0056HitContext{fwOnOrder{c}}, o.Amount)
		case "p0057":
			return d.hP0057.OnHit(P0057HitContext{fwOnOrder{c}}, o.Amount)
		case "p0058":
			return d.hP0058.OnHit(P0058HitContext{fwOnOrder{c}}, o.Amount)
		case "p0059":
			return d.hP0059.OnHit(P0059HitContext{fwOnOrder{c}}, o.Amount)
		case "p0060":
			return d.hP0060.OnHit(P0060HitContext{fwOnOrder{c}}, o.Amount)
		case "p0061":
			return d.hP0061.OnHit(P0061HitContext{fwOnOrder{c}}, o.Amount)
		case "p0062":
			return d.hP0062.OnHit(P0062HitContext{fwOnOrder{c}}, o.Amount)
		case "p0063":
			return d.hP0063.OnHit(P0063HitContext{fwOnOrder{c}}, o.Amount)
		case "p0064":
			return d.hP0064.OnHit(P0064HitContext{fwOnOrder{c}}, o.Amount)
		case "p0065":
			return d.hP0065.OnHit(P0065HitContext{fwOnOrder{c}}, o.Amount)
		case "p0066":
			return d.hP0066.OnHit(P0066HitContext{fwOnOrder{c}}, o.Amount)
		case "p0067":
			return d.hP0067.OnHit(P0067HitContext{fwOnOrder{c}}, o.Amount)
		case "p0068":
			return d.hP0068.OnHit(P0068HitContext{fwOnOrder{c}}, o.Amount)
		case "p0069":
			return d.hP0069.OnHit(P0069HitContext{fwOnOrder{c}}, o.Amount)
		case "p0070":
			return d.hP0070.OnHit(P0070HitContext{fwOnOrder{c}}, o.Amount)
		case "p0071":
			return d.hP0071.OnHit(P0071HitContext{fwOnOrder{c}}, o.Amount)
		case "p0072":
			return d.hP0072.OnHit(P0072HitContext{fwOnOrder{c}}, o.Amount)
		case "p0073":
			return d.hP0073.OnHit(P0073HitContext{fwOnOrder{c}}, o.Amount)
		case "p0074":
			return d.hP0074.OnHit(P0074HitContext{fwOnOrder{c}}, o.Amount)
		case "p0075":
			return d.hP0075.OnHit(P0075HitContext{fwOnOrder{c}}, o.Amount)
		case "p0076":
			return d.hP0076.OnHit(P0076HitContext{fwOnOrder{c}}, o.Amount)
		case "p0077":
			return d.hP0077.OnHit(P0077HitContext{fwOnOrder{c}}, o.Amount)
		case "p0078":
			return d.hP0078.OnHit(P0078HitContext{fwOnOrder{c}}, o.Amount)
		case "p0079":
			return d.hP0079.OnHit(P0079HitContext{fwOnOrder{c}}, o.Amount)
		case "p0080":
			return d.hP0080.OnHit(P0080HitContext{fwOnOrder{c}}, o.Amount)
		case "p0081":
			return d.hP0081.OnHit(P0081HitContext{fwOnOrder{c}}, o.Amount)
		case "p0082":
			return d.hP0082.OnHit(P0082HitContext{fwOnOrder{c}}, o.Amount)
		case "p0083":
			return d.hP0083.OnHit(P0083HitContext{fwOnOrder{c}}, o.Amount)
		case "p0084":
			return d.hP0084.OnHit(P0084HitContext{fwOnOrder{c}}, o.Amount)
		case "p0085":
			return d.hP0085.OnHit(P0085HitContext{fwOnOrder{c}}, o.Amount)
		case "p0086":
			return d.hP0086.OnHit(P0086HitContext{fwOnOrder{c}}, o.Amount)
		case "p0087":
			return d.hP0087.OnHit(P0087HitContext{fwOnOrder{c}}, o.Amount)
		case "p0088":
			return d.hP0088.OnHit(P0088HitContext{fwOnOrder{c}}, o.Amount)
		case "p0089":
			return d.hP0089.OnHit(P0089HitContext{fwOnOrder{c}}, o.Amount)
		case "p0090":
			return d.hP0090.OnHit(P0090HitContext{fwOnOrder{c}}, o.Amount)
		case "p0091":
			return d.hP0091.OnHit(P0091HitContext{fwOnOrder{c}}, o.Amount)
		case "p0092":
			return d.hP0092.OnHit(P0092HitContext{fwOnOrder{c}}, o.Amount)
		case "p0093":
			return d.hP0093.OnHit(P0093HitContext{fwOnOrder{c}}, o.Amount)
		case "p0094":
			return d.hP0094.OnHit(P0094HitContext{fwOnOrder{c}}, o.Amount)
		case "p0095":
			return d.hP0095.OnHit(P0095HitContext{fwOnOrder{c}}, o.Amount)
		case "p0096":
			return d.hP0096.OnHit(P0096HitContext{fwOnOrder{c}}, o.Amount)
		case "p0097":
			return d.hP0097.OnHit(P0097HitContext{fwOnOrder{c}}, o.Amount)
		case "p0098":
			return d.hP0098.OnHit(P0098HitContext{fwOnOrder{c}}, o.Amount)
		case "p0099":
			return d.hP0099.OnHit(P0099HitContext{fwOnOrder{c}}, o.Amount)
		case "p0100":
			return d.hP0100.OnHit(P0100HitContext{fwOnOrder{c}}, o.Amount)
		case "p0101":
			return d.hP0101.OnHit(P0101HitContext{fwOnOrder{c}}, o.Amount)
		case "p0102":
			return d.hP0102.OnHit(P0102HitContext{fwOnOrder{c}}, o.Amount)
		case "p0103":
			return d.hP0103.OnHit(P0103HitContext{fwOnOrder{c}}, o.Amount)
		case "p0104":
			return d.hP0104.OnHit(P0104HitContext{fwOnOrder{c}}, o.Amount)
		case "p0105":
			return d.hP0105.OnHit(P0105HitContext{fwOnOrder{c}}, o.Amount)
		case "p0106":
			return d.hP0106.OnHit(P0106HitContext{fwOnOrder{c}}, o.Amount)
		case "p0107":
			return d.hP0107.OnHit(P0107HitContext{fwOnOrder{c}}, o.Amount)
		case "p0108":
			return d.hP0108.OnHit(P0108HitContext{fwOnOrder{c}}, o.Amount)
		case "p0109":
			return d.hP0109.OnHit(P0109HitContext{fwOnOrder{c}}, o.Amount)
		case "p0110":
			return d.hP0110.OnHit(P0110HitContext{fwOnOrder{c}}, o.Amount)
		case "p0111":
			return d.hP0111.OnHit(P0111HitContext{fwOnOrder{c}}, o.Amount)
		case "p0112":
			return d.hP0112.OnHit(P0112HitContext{fwOnOrder{c}}, o.Amount)
		case "p0113":
			return d.hP0113.OnHit(P0113HitContext{fwOnOrder{c}}, o.Amount)
		case "p0114":
			return d.hP0114.OnHit(P0114HitContext{fwOnOrder{c}}, o.Amount)
		case "p0115":
			return d.hP0115.OnHit(P0115HitContext{fwOnOrder{c}}, o.Amount)
		case "p0116":
			return d.hP0116.OnHit(P0116HitContext{fwOnOrder{c}}, o.Amount)
		case "p0117":
			return d.hP0117.OnHit(P0117HitContext{fwOnOrder{c}}, o.Amount)
		case "p0118":
			return d.hP0118.OnHit(P0118HitContext{fwOnOrder{c}}, o.Amount)
		case "p0119":
			return d.hP0119.OnHit(P0119HitContext{fwOnOrder{c}}, o.Amount)
		case "p0120":
			return d.hP0120.OnHit(P0120HitContext{fwOnOrder{c}}, o.Amount)
		case "p0121":
			return d.hP0121.OnHit(P0121HitContext{fwOnOrder{c}}, o.Amount)
		case "p0122":
			return d.hP0122.OnHit(P0122HitContext{fwOnOrder{c}}, o.Amount)
		case "p0123":
			return d.hP0123.OnHit(P0123HitContext{fwOnOrder{c}}, o.Amount)
		case "p0124":
			return d.hP0124.OnHit(P0124HitContext{fwOnOrder{c}}, o.Amount)
		case "p0125":
			return d.hP0125.OnHit(P0125HitContext{fwOnOrder{c}}, o.Amount)
		case "p0126":
			return d.hP0126.OnHit(P0126HitContext{fwOnOrder{c}}, o.Amount)
		case "p0127":
			return d.hP0127.OnHit(P0127HitContext{fwOnOrder{c}}, o.Amount)
		case "p0128":
			return d.hP0128.OnHit(P0128HitContext{fwOnOrder{c}}, o.Amount)
		case "p0129":
			return d.hP0129.OnHit(P0129HitContext{fwOnOrder{c}}, o.Amount)
		case "p0130":
			return d.hP0130.OnHit(P0130HitContext{fwOnOrder{c}}, o.Amount)
		case "p0131":
			return d.hP0131.OnHit(P0131HitContext{fwOnOrder{c}}, o.Amount)
		case "p0132":
			return d.hP0132.OnHit(P0132HitContext{fwOnOrder{c}}, o.Amount)
		case "p0133":
			return d.hP0133.OnHit(P0133HitContext{fwOnOrder{c}}, o.Amount)
		case "p0134":
			return d.hP0134.OnHit(P0134HitContext{fwOnOrder{c}}, o.Amount)
		case "p0135":
			return d.hP0135.OnHit(P0135HitContext{fwOnOrder{c}}, o.Amount)
		case "p0136":
			return d.hP0136.OnHit(P0136HitContext{fwOnOrder{c}}, o.Amount)
		case "p0137":
			return d.hP0137.OnHit(P0137HitContext{fwOnOrder{c}}, o.Amount)
		case "p0138":
			return d.hP0138.OnHit(P0138HitContext{fwOnOrder{c}}, o.Amount)
		case "p0139":
			return d.hP0139.OnHit(P0139HitContext{fwOnOrder{c}}, o.Amount)
		case "p0140":
			return d.hP0140.OnHit(P0140HitContext{fwOnOrder{c}}, o.Amount)
		case "p0141":
			return d.hP0141.OnHit(P0141HitContext{fwOnOrder{c}}, o.Amount)
		case "p0142":
			return d.hP0142.OnHit(P0142HitContext{fwOnOrder{c}}, o.Amount)
		case "p0143":
			return d.hP0143.OnHit(P0143HitContext{fwOnOrder{c}}, o.Amount)
		case "p0144":
			return d.hP0144.OnHit(P0144HitContext{fwOnOrder{c}}, o.Amount)
		case "p0145":
			return d.hP0145.OnHit(P0145HitContext{fwOnOrder{c}}, o.Amount)
		case "p0146":
			return d.hP0146.OnHit(P0146HitContext{fwOnOrder{c}}, o.Amount)
		case "p0147":
			return d.hP0147.OnHit(P0147HitContext{fwOnOrder{c}}, o.Amount)
		case "p0148":
			return d.hP0148.OnHit(P0148HitContext{fwOnOrder{c}}, o.Amount)
		case "p0149":
			return d.hP0149.OnHit(P0149HitContext{fwOnOrder{c}}, o.Amount)
		case "p0150":
			return d.hP0150.OnHit(P0150HitContext{fwOnOrder{c}}, o.Amount)
		case "p0151":
			return d.hP0151.OnHit(P0151HitContext{fwOnOrder{c}}, o.Amount)
		case "p0152":
			return d.hP0152.OnHit(P0152HitContext{fwOnOrder{c}}, o.Amount)
		case "p0153":
			return d.hP0153.OnHit(P0153HitContext{fwOnOrder{c}}, o.Amount)
		case "p0154":
			return d.hP0154.OnHit(P0154HitContext{fwOnOrder{c}}, o.Amount)
		case "p0155":
			return d.hP0155.OnHit(P0155HitContext{fwOnOrder{c}}, o.Amount)
		case "p0156":
			return d.hP0156.OnHit(P0156HitContext{fwOnOrder{c}}, o.Amount)
		case "p0157":
			return d.hP0157.OnHit(P0157HitContext{fwOnOrder{c}}, o.Amount)
		case "p0158":
			return d.hP0158.OnHit(P0158HitContext{fwOnOrder{c}}, o.Amount)
		case "p0159":
			return d.hP0159.OnHit(P0159HitContext{fwOnOrder{c}}, o.Amount)
		case "p0160":
			return d.hP0160.OnHit(P0160HitContext{fwOnOrder{c}}, o.Amount)
		case "p0161":
			return d.hP0161.OnHit(P0161HitContext{fwOnOrder{c}}, o.Amount)
		case "p0162":
			return d.hP0162.OnHit(P0162HitContext{fwOnOrder{c}}, o.Amount)
		case "p0163":
			return d.hP0163.OnHit(P0163HitContext{fwOnOrder{c}}, o.Amount)
		case "p0164":
			return d.hP0164.OnHit(P0164HitContext{fwOnOrder{c}}, o.Amount)
		case "p0165":
			return d.hP0165.OnHit(P0165HitContext{fwOnOrder{c}}, o.Amount)
		case "p0166":
			return d.hP0166.OnHit(P0166HitContext{fwOnOrder{c}}, o.Amount)
		case "p0167":
			return d.hP0167.OnHit(P0167HitContext{fwOnOrder{c}}, o.Amount)
		case "p0168":
			return d.hP0168.OnHit(P0168HitContext{fwOnOrder{c}}, o.Amount)
		case "p0169":
			return d.hP0169.OnHit(P0169HitContext{fwOnOrder{c}}, o.Amount)
		case "p0170":
			return d.hP0170.OnHit(P0170HitContext{fwOnOrder{c}}, o.Amount)
		case "p0171":
			return d.hP0171.OnHit(P0171HitContext{fwOnOrder{c}}, o.Amount)
		case "p0172":
			return d.hP0172.OnHit(P0172HitContext{fwOnOrder{c}}, o.Amount)
		case "p0173":
			return d.hP0173.OnHit(P0173HitContext{fwOnOrder{c}}, o.Amount)
		case "p0174":
			return d.hP0174.OnHit(P0174HitContext{fwOnOrder{c}}, o.Amount)
		case "p0175":
			return d.hP0175.OnHit(P0175HitContext{fwOnOrder{c}}, o.Amount)
		case "p0176":
			return d.hP0176.OnHit(P0176HitContext{fwOnOrder{c}}, o.Amount)
		case "p0177":
			return d.hP0177.OnHit(P0177HitContext{fwOnOrder{c}}, o.Amount)
		case "p0178":
			return d.hP0178.OnHit(P0178HitContext{fwOnOrder{c}}, o.Amount)
		case "p0179":
			return d.hP0179.OnHit(P0179HitContext{fwOnOrder{c}}, o.Amount)
		case "p0180":
			return d.hP0180.OnHit(P0180HitContext{fwOnOrder{c}}, o.Amount)
		case "p0181":
			return d.hP0181.OnHit(P0181HitContext{fwOnOrder{c}}, o.Amount)
		case "p0182":
			return d.hP0182.OnHit(P0182HitContext{fwOnOrder{c}}, o.Amount)
		case "p0183":
			return d.hP0183.OnHit(P0183HitContext{fwOnOrder{c}}, o.Amount)
		case "p0184":
			return d.hP0184.OnHit(P0184HitContext{fwOnOrder{c}}, o.Amount)
		case "p0185":
			return d.hP0185.OnHit(P0185HitContext{fwOnOrder{c}}, o.Amount)
		case "p0186":
			return d.hP0186.OnHit(P0186HitContext{fwOnOrder{c}}, o.Amount)
		case "p0187":
			return d.hP0187.OnHit(P0187HitContext{fwOnOrder{c}}, o.Amount)
		case "p0188":
			return d.hP0188.OnHit(P0188HitContext{fwOnOrder{c}}, o.Amount)
		case "p0189":
			return d.hP0189.OnHit(P0189HitContext{fwOnOrder{c}}, o.Amount)
		case "p0190":
			return d.hP0190.OnHit(P0190HitContext{fwOnOrder{c}}, o.Amount)
		case "p0191":
			return d.hP0191.OnHit(P0191HitContext{fwOnOrder{c}}, o.Amount)
		case "p0192":
			return d.hP0192.OnHit(P0192HitContext{fwOnOrder{c}}, o.Amount)
		case "p0193":
			return d.hP0193.OnHit(P0193HitContext{fwOnOrder{c}}, o.Amount)
		case "p0194":
			return d.hP0194.OnHit(P0194HitContext{fwOnOrder{c}}, o.Amount)
		case "p0195":
			return d.hP0195.OnHit(P0195HitContext{fwOnOrder{c}}, o.Amount)
		case "p0196":
			return d.hP0196.OnHit(P0196HitContext{fwOnOrder{c}}, o.Amount)
		case "p0197":
			return d.hP0197.OnHit(P0197HitContext{fwOnOrder{c}}, o.Amount)
		case "p0198":
			return d.hP0198.OnHit(P0198HitContext{fwOnOrder{c}}, o.Amount)
		case "p0199":
			return d.hP0199.OnHit(P0199HitContext{fwOnOrder{c}}, o.Amount)
		case "p0200":
			return d.hP0200.OnHit(P0200HitContext{fwOnOrder{c}}, o.Amount)
		case "p0201":
			return d.hP0201.OnHit(P0201HitContext{fwOnOrder{c}}, o.Amount)
		case "p0202":
			return d.hP0202.OnHit(P0202HitContext{fwOnOrder{c}}, o.Amount)
		case "p0203":
			return d.hP0203.OnHit(P0203HitContext{fwOnOrder{c}}, o.Amount)
		case "p0204":
			return d.hP0204.OnHit(P0204HitContext{fwOnOrder{c}}, o.Amount)
		case "p0205":
			return d.hP0205.OnHit(P0205HitContext{fwOnOrder{c}}, o.Amount)
		case "p0206":
			return d.hP0206.OnHit(P0206HitContext{fwOnOrder{c}}, o.Amount)
		case "p0207":
			return d.hP0207.OnHit(P0207HitContext{fwOnOrder{c}}, o.Amount)
		case "p0208":
			return d.hP0208.OnHit(P0208HitContext{fwOnOrder{c}}, o.Amount)
		case "p0209":
			return d.hP0209.OnHit(P0209HitContext{fwOnOrder{c}}, o.Amount)
		case "p0210":
			return d.hP0210.OnHit(P0210HitContext{fwOnOrder{c}}, o.Amount)
		case "p0211":
			return d.hP0211.OnHit(P0211HitContext{fwOnOrder{c}}, o.Amount)
		case "p0212":
			return d.hP0212.OnHit(P0212HitContext{fwOnOrder{c}}, o.Amount)
		case "p0213":
			return d.hP0213.OnHit(P0213HitContext{fwOnOrder{c}}, o.Amount)
		case "p0214":
			return d.hP0214.OnHit(P0214HitContext{fwOnOrder{c}}, o.Amount)
		case "p0215":
			return d.hP0215.OnHit(P0215HitContext{fwOnOrder{c}}, o.Amount)
		case "p0216":
			return d.hP0216.OnHit(P0216HitContext{fwOnOrder{c}}, o.Amount)
		case "p0217":
			return d.hP0217.OnHit(P0217HitContext{fwOnOrder{c}}, o.Amount)
		case "p0218":
			return d.hP0218.OnHit(P0218HitContext{fwOnOrder{c}}, o.Amount)
		case "p0219":
			return d.hP0219.OnHit(P0219HitContext{fwOnOrder{c}}, o.Amount)
		case "p0220":
			return d.hP0220.OnHit(P0220HitContext{fwOnOrder{c}}, o.Amount)
		case "p0221":
			return d.hP0221.OnHit(P0221HitContext{fwOnOrder{c}}, o.Amount)
		case "p0222":
			return d.hP0222.OnHit(P0222HitContext{fwOnOrder{c}}, o.Amount)
		case "p0223":
			return d.hP0223.OnHit(P0223HitContext{fwOnOrder{c}}, o.Amount)
		case "p0224":
			return d.hP0224.OnHit(P0224HitContext{fwOnOrder{c}}, o.Amount)
		case "p0225":
			return d.hP0225.OnHit(P0225HitContext{fwOnOrder{c}}, o.Amount)
		case "p0226":
			return d.hP0226.OnHit(P0226HitContext{fwOnOrder{c}}, o.Amount)
		case "p0227":
			return d.hP0227.OnHit(P0227HitContext{fwOnOrder{c}}, o.Amount)
		case "p0228":
			return d.hP0228.OnHit(P0228HitContext{fwOnOrder{c}}, o.Amount)
		case "p0229":
			return d.hP0229.OnHit(P0229HitContext{fwOnOrder{c}}, o.Amount)
		case "p0230":
			return d.hP0230.OnHit(P0230HitContext{fwOnOrder{c}}, o.Amount)
		case "p0231":
			return d.hP0231.OnHit(P0231HitContext{fwOnOrder{c}}, o.Amount)
		case "p0232":
			return d.hP0232.OnHit(P0232HitContext{fwOnOrder{c}}, o.Amount)
		case "p0233":
			return d.hP0233.OnHit(P0233HitContext{fwOnOrder{c}}, o.Amount)
		case "p0234":
			return d.hP0234.OnHit(P0234HitContext{fwOnOrder{c}}, o.Amount)
		case "p0235":
			return d.hP0235.OnHit(P0235HitContext{fwOnOrder{c}}, o.Amount)
		case "p0236":
			return d.hP0236.OnHit(P0236HitContext{fwOnOrder{c}}, o.Amount)
		case "p0237":
			return d.hP0237.OnHit(P0237HitContext{fwOnOrder{c}}, o.Amount)
		case "p0238":
			return d.hP0238.OnHit(P0238HitContext{fwOnOrder{c}}, o.Amount)
		case "p0239":
			return d.hP0239.OnHit(P0239HitContext{fwOnOrder{c}}, o.Amount)
		case "p0240":
			return d.hP0240.OnHit(P0240HitContext{fwOnOrder{c}}, o.Amount)
		case "p0241":
			return d.hP0241.OnHit(P0241HitContext{fwOnOrder{c}}, o.Amount)
		case "p0242":
			return d.hP0242.OnHit(P0242HitContext{fwOnOrder{c}}, o.Amount)
		case "p0243":
			return d.hP0243.OnHit(P0243HitContext{fwOnOrder{c}}, o.Amount)
		case "p0244":
			return d.hP0244.OnHit(P0244HitContext{fwOnOrder{c}}, o.Amount)
		case "p0245":
			return d.hP0245.OnHit(P0245HitContext{fwOnOrder{c}}, o.Amount)
		case "p0246":
			return d.hP0246.OnHit(P0246HitContext{fwOnOrder{c}}, o.Amount)
		case "p0247":
			return d.hP0247.OnHit(P0247HitContext{fwOnOrder{c}}, o.Amount)
		case "p0248":
			return d.hP0248.OnHit(P0248HitContext{fwOnOrder{c}}, o.Amount)
		case "p0249":
			return d.hP0249.OnHit(P0249HitContext{fwOnOrder{c}}, o.Amount)
		case "p0250":
			return d.hP0250.OnHit(P0250HitContext{fwOnOrder{c}}, o.Amount)
		case "p0251":
			return d.hP0251.OnHit(P0251HitContext{fwOnOrder{c}}, o.Amount)
		case "p0252":
			return d.hP0252.OnHit(P0252HitContext{fwOnOrder{c}}, o.Amount)
		case "p0253":
			return d.hP0253.OnHit(P0253HitContext{fwOnOrder{c}}, o.Amount)
		case "p0254":
			return d.hP0254.OnHit(P0254HitContext{fwOnOrder{c}}, o.Amount)
		case "p0255":
			return d.hP0255.OnHit(P0255HitContext{fwOnOrder{c}}, o.Amount)
		case "p0256":
			return d.hP0256.OnHit(P0256HitContext{fwOnOrder{c}}, o.Amount)
		case "p0257":
			return d.hP0257.OnHit(P0257HitContext{fwOnOrder{c}}, o.Amount)
		case "p0258":
			return d.hP0258.OnHit(P0258HitContext{fwOnOrder{c}}, o.Amount)
		case "p0259":
			return d.hP0259.OnHit(P0259HitContext{fwOnOrder{c}}, o.Amount)
		case "p0260":
			return d.hP0260.OnHit(P0260HitContext{fwOnOrder{c}}, o.Amount)
		case "p0261":
			return d.hP0261.OnHit(P0261HitContext{fwOnOrder{c}}, o.Amount)
		case "p0262":
			return d.hP0262.OnHit(P0262HitContext{fwOnOrder{c}}, o.Amount)
		case "p0263":
			return d.hP0263.OnHit(P0263HitContext{fwOnOrder{c}}, o.Amount)
		case "p0264":
			return d.hP0264.OnHit(P0264HitContext{fwOnOrder{c}}, o.Amount)
		case "p0265":
			return d.hP0265.OnHit(P0265HitContext{fwOnOrder{c}}, o.Amount)
		case "p0266":
			return d.hP0266.OnHit(P0266HitContext{fwOnOrder{c}}, o.Amount)
		case "p0267":
			return d.hP0267.OnHit(P0267HitContext{fwOnOrder{c}}, o.Amount)
		case "p0268":
			return d.hP0268.OnHit(P0268HitContext{fwOnOrder{c}}, o.Amount)
		case "p0269":
			return d.hP0269.OnHit(P0269HitContext{fwOnOrder{c}}, o.Amount)
		case "p0270":
			return d.hP0270.OnHit(P0270HitContext{fwOnOrder{c}}, o.Amount)
		case "p0271":
			return d.hP0271.OnHit(P0271HitContext{fwOnOrder{c}}, o.Amount)
		case "p0272":
			return d.hP0272.OnHit(P0272HitContext{fwOnOrder{c}}, o.Amount)
		case "p0273":
			return d.hP0273.OnHit(P0273HitContext{fwOnOrder{c}}, o.Amount)
		case "p0274":
			return d.hP0274.OnHit(P0274HitContext{fwOnOrder{c}}, o.Amount)
		case "p0275":
			return d.hP0275.OnHit(P0275HitContext{fwOnOrder{c}}, o.Amount)
		case "p0276":
			return d.hP0276.OnHit(P0276HitContext{fwOnOrder{c}}, o.Amount)
		case "p0277":
			return d.hP0277.OnHit(P0277HitContext{fwOnOrder{c}}, o.Amount)
		case "p0278":
			return d.hP0278.OnHit(P0278HitContext{fwOnOrder{c}}, o.Amount)
		case "p0279":
			return d.hP0279.OnHit(P0279HitContext{fwOnOrder{c}}, o.Amount)
		case "p0280":
			return d.hP0280.OnHit(P0280HitContext{fwOnOrder{c}}, o.Amount)
		case "p0281":
			return d.hP0281.OnHit(P0281HitContext{fwOnOrder{c}}, o.Amount)
		case "p0282":
			return d.hP0282.OnHit(P0282HitContext{fwOnOrder{c}}, o.Amount)
		case "p0283":
			return d.hP0283.OnHit(P0283HitContext{fwOnOrder{c}}, o.Amount)
		case "p0284":
			return d.hP0284.OnHit(P0284HitContext{fwOnOrder{c}}, o.Amount)
		case "p0285":
			return d.hP0285.OnHit(P0285HitContext{fwOnOrder{c}}, o.Amount)
		case "p0286":
			return d.hP0286.OnHit(P0286HitContext{fwOnOrder{c}}, o.Amount)
		case "p0287":
			return d.hP0287.OnHit(P0287HitContext{fwOnOrder{c}}, o.Amount)
		case "p0288":
			return d.hP0288.OnHit(P0288HitContext{fwOnOrder{c}}, o.Amount)
		case "p0289":
			return d.hP0289.OnHit(P0289HitContext{fwOnOrder{c}}, o.Amount)
		case "p0290":
			return d.hP0290.OnHit(P0290HitContext{fwOnOrder{c}}, o.Amount)
		case "p0291":
			return d.hP0291.OnHit(P0291HitContext{fwOnOrder{c}}, o.Amount)
		case "p0292":
			return d.hP0292.OnHit(P0292HitContext{fwOnOrder{c}}, o.Amount)
		case "p0293":
			return d.hP0293.OnHit(P0293HitContext{fwOnOrder{c}}, o.Amount)
		case "p0294":
			return d.hP0294.OnHit(P0294HitContext{fwOnOrder{c}}, o.Amount)
		case "p0295":
			return d.hP0295.OnHit(P0295HitContext{fwOnOrder{c}}, o.Amount)
		case "p0296":
			return d.hP0296.OnHit(P0296HitContext{fwOnOrder{c}}, o.Amount)
		case "p0297":
			return d.hP0297.OnHit(P0297HitContext{fwOnOrder{c}}, o.Amount)
		case "p0298":
			return d.hP0298.OnHit(P0298HitContext{fwOnOrder{c}}, o.Amount)
		case "p0299":
			return d.hP0299.OnHit(P0299HitContext{fwOnOrder{c}}, o.Amount)
		case "p0300":
			return d.hP0300.OnHit(P0300HitContext{fwOnOrder{c}}, o.Amount)
		case "p0301":
			return d.hP0301.OnHit(P0301HitContext{fwOnOrder{c}}, o.Amount)
		case "p0302":
			return d.hP0302.OnHit(P0302HitContext{fwOnOrder{c}}, o.Amount)
		case "p0303":
			return d.hP0303.OnHit(P0303HitContext{fwOnOrder{c}}, o.Amount)
		case "p0304":
			return d.hP0304.OnHit(P0304HitContext{fwOnOrder{c}}, o.Amount)
		case "p0305":
			return d.hP0305.OnHit(P0305HitContext{fwOnOrder{c}}, o.Amount)
		case "p0306":
			return d.hP0306.OnHit(P0306HitContext{fwOnOrder{c}}, o.Amount)
		case "p0307":
			return d.hP0307.OnHit(P0307HitContext{fwOnOrder{c}}, o.Amount)
		case "p0308":
			return d.hP0308.OnHit(P0308HitContext{fwOnOrder{c}}, o.Amount)
		case "p0309":
			return d.hP0309.OnHit(P0309HitContext{fwOnOrder{c}}, o.Amount)
		case "p0310":
			return d.hP0310.OnHit(P0310HitContext{fwOnOrder{c}}, o.Amount)
		case "p0311":
			return d.hP0311.OnHit(P0311HitContext{fwOnOrder{c}}, o.Amount)
		case "p0312":
			return d.hP0312.OnHit(P0312HitContext{fwOnOrder{c}}, o.Amount)
		case "p0313":
			return d.hP0313.OnHit(P0313HitContext{fwOnOrder{c}}, o.Amount)
		case "p0314":
			return d.hP0314.OnHit(P0314HitContext{fwOnOrder{c}}, o.Amount)
		case "p0315":
			return d.hP0315.OnHit(P0315HitContext{fwOnOrder{c}}, o.Amount)
		case "p0316":
			return d.hP0316.OnHit(P0316HitContext{fwOnOrder{c}}, o.Amount)
		case "p0317":
			return d.hP0317.OnHit(P0317HitContext{fwOnOrder{c}}, o.Amount)
		case "p0318":
			return d.hP0318.OnHit(P0318HitContext{fwOnOrder{c}}, o.Amount)
		case "p0319":
			return d.hP0319.OnHit(P0319HitContext{fwOnOrder{c}}, o.Amount)
		case "p0320":
			return d.hP0320.OnHit(P0320HitContext{fwOnOrder{c}}, o.Amount)
		case "p0321":
			return d.hP0321.OnHit(P0321HitContext{fwOnOrder{c}}, o.Amount)
		case "p0322":
			return d.hP0322.OnHit(P0322HitContext{fwOnOrder{c}}, o.Amount)
		case "p0323":
			return d.hP0323.OnHit(P0323HitContext{fwOnOrder{c}}, o.Amount)
		case "p0324":
			return d.hP0324.OnHit(P0324HitContext{fwOnOrder{c}}, o.Amount)
		case "p0325":
			return d.hP0325.OnHit(P0325HitContext{fwOnOrder{c}}, o.Amount)
		case "p0326":
			return d.hP0326.OnHit(P0326HitContext{fwOnOrder{c}}, o.Amount)
		case "p0327":
			return d.hP0327.OnHit(P0327HitContext{fwOnOrder{c}}, o.Amount)
		case "p0328":
			return d.hP0328.OnHit(P0328HitContext{fwOnOrder{c}}, o.Amount)
		case "p0329":
			return d.hP0329.OnHit(P0329HitContext{fwOnOrder{c}}, o.Amount)
		case "p0330":
			return d.hP0330.OnHit(P0330HitContext{fwOnOrder{c}}, o.Amount)
		case "p0331":
			return d.hP0331.OnHit(P0331HitContext{fwOnOrder{c}}, o.Amount)
		case "p0332":
			return d.hP0332.OnHit(P0332HitContext{fwOnOrder{c}}, o.Amount)
		case "p0333":
			return d.hP0333.OnHit(P0333HitContext{fwOnOrder{c}}, o.Amount)
		case "p0334":
			return d.hP0334.OnHit(P0334HitContext{fwOnOrder{c}}, o.Amount)
		case "p0335":
			return d.hP0335.OnHit(P0335HitContext{fwOnOrder{c}}, o.Amount)
		case "p0336":
			return d.hP0336.OnHit(P0336HitContext{fwOnOrder{c}}, o.Amount)
		case "p0337":
			return d.hP0337.OnHit(P0337HitContext{fwOnOrder{c}}, o.Amount)
		case "p0338":
			return d.hP0338.OnHit(P0338HitContext{fwOnOrder{c}}, o.Amount)
		case "p0339":
			return d.hP0339.OnHit(P0339HitContext{fwOnOrder{c}}, o.Amount)
		case "p0340":
			return d.hP0340.OnHit(P0340HitContext{fwOnOrder{c}}, o.Amount)
		case "p0341":
			return d.hP0341.OnHit(P0341HitContext{fwOnOrder{c}}, o.Amount)
		case "p0342":
			return d.hP0342.OnHit(P0342HitContext{fwOnOrder{c}}, o.Amount)
		case "p0343":
			return d.hP0343.OnHit(P0343HitContext{fwOnOrder{c}}, o.Amount)
		case "p0344":
			return d.hP0344.OnHit(P0344HitContext{fwOnOrder{c}}, o.Amount)
		case "p0345":
			return d.hP0345.OnHit(P0345HitContext{fwOnOrder{c}}, o.Amount)
		case "p0346":
			return d.hP0346.OnHit(P0346HitContext{fwOnOrder{c}}, o.Amount)
		case "p0347":
			return d.hP0347.OnHit(P0347HitContext{fwOnOrder{c}}, o.Amount)
		case "p0348":
			return d.hP0348.OnHit(P0348HitContext{fwOnOrder{c}}, o.Amount)
		case "p0349":
			return d.hP0349.OnHit(P0349HitContext{fwOnOrder{c}}, o.Amount)
		case "p0350":
			return d.hP0350.OnHit(P0350HitContext{fwOnOrder{c}}, o.Amount)
		case "p0351":
			return d.hP0351.OnHit(P0351HitContext{fwOnOrder{c}}, o.Amount)
		case "p0352":
			return d.hP0352.OnHit(P0352HitContext{fwOnOrder{c}}, o.Amount)
		case "p0353":
			return d.hP0353.OnHit(P0353HitContext{fwOnOrder{c}}, o.Amount)
		case "p0354":
			return d.hP0354.OnHit(P0354HitContext{fwOnOrder{c}}, o.Amount)
		case "p0355":
			return d.hP0355.OnHit(P0355HitContext{fwOnOrder{c}}, o.Amount)
		case "p0356":
			return d.hP0356.OnHit(P0356HitContext{fwOnOrder{c}}, o.Amount)
		case "p0357":
			return d.hP0357.OnHit(P0357HitContext{fwOnOrder{c}}, o.Amount)
		case "p0358":
			return d.hP0358.OnHit(P0358HitContext{fwOnOrder{c}}, o.Amount)
		case "p0359":
			return d.hP0359.OnHit(P0359HitContext{fwOnOrder{c}}, o.Amount)
		case "p0360":
			return d.hP0360.OnHit(P0360HitContext{fwOnOrder{c}}, o.Amount)
		case "p0361":
			return d.hP0361.OnHit(P0361HitContext{fwOnOrder{c}}, o.Amount)
		case "p0362":
			return d.hP0362.OnHit(P0362HitContext{fwOnOrder{c}}, o.Amount)
		case "p0363":
			return d.hP0363.OnHit(P0363HitContext{fwOnOrder{c}}, o.Amount)
		case "p0364":
			return d.hP0364.OnHit(P0364HitContext{fwOnOrder{c}}, o.Amount)
		case "p0365":
			return d.hP0365.OnHit(P0365HitContext{fwOnOrder{c}}, o.Amount)
		case "p0366":
			return d.hP0366.OnHit(P0366HitContext{fwOnOrder{c}}, o.Amount)
		case "p0367":
			return d.hP0367.OnHit(P0367HitContext{fwOnOrder{c}}, o.Amount)
		case "p0368":
			return d.hP0368.OnHit(P0368HitContext{fwOnOrder{c}}, o.Amount)
		case "p0369":
			return d.hP0369.OnHit(P0369HitContext{fwOnOrder{c}}, o.Amount)
		case "p0370":
			return d.hP0370.OnHit(P0370HitContext{fwOnOrder{c}}, o.Amount)
		case "p0371":
			return d.hP0371.OnHit(P0371HitContext{fwOnOrder{c}}, o.Amount)
		case "p0372":
			return d.hP0372.OnHit(P0372HitContext{fwOnOrder{c}}, o.Amount)
		case "p0373":
			return d.hP0373.OnHit(P0373HitContext{fwOnOrder{c}}, o.Amount)
		case "p0374":
			return d.hP0374.OnHit(P0374HitContext{fwOnOrder{c}}, o.Amount)
		case "p0375":
			return d.hP0375.OnHit(P0375HitContext{fwOnOrder{c}}, o.Amount)
		case "p0376":
			return d.hP0376.OnHit(P0376HitContext{fwOnOrder{c}}, o.Amount)
		case "p0377":
			return d.hP0377.OnHit(P0377HitContext{fwOnOrder{c}}, o.Amount)
		case "p0378":
			return d.hP0378.OnHit(P0378HitContext{fwOnOrder{c}}, o.Amount)
		case "p0379":
			return d.hP0379.OnHit(P0379HitContext{fwOnOrder{c}}, o.Amount)
		case "p0380":
			return d.hP0380.OnHit(P0380HitContext{fwOnOrder{c}}, o.Amount)
		case "p0381":
			return d.hP0381.OnHit(P0381HitContext{fwOnOrder{c}}, o.Amount)
		case "p0382":
			return d.hP0382.OnHit(P0382HitContext{fwOnOrder{c}}, o.Amount)
		case "p0383":
			return d.hP0383.OnHit(P0383HitContext{fwOnOrder{c}}, o.Amount)
		case "p0384":
			return d.hP0384.OnHit(P0384HitContext{fwOnOrder{c}}, o.Amount)
		case "p0385":
			return d.hP0385.OnHit(P0385HitContext{fwOnOrder{c}}, o.Amount)
		case "p0386":
			return d.hP0386.OnHit(P0386HitContext{fwOnOrder{c}}, o.Amount)
		case "p0387":
			return d.hP0387.OnHit(P0387HitContext{fwOnOrder{c}}, o.Amount)
		case "p0388":
			return d.hP0388.OnHit(P0388HitContext{fwOnOrder{c}}, o.Amount)
		case "p0389":
			return d.hP0389.OnHit(P0389HitContext{fwOnOrder{c}}, o.Amount)
		case "p0390":
			return d.hP0390.OnHit(P0390HitContext{fwOnOrder{c}}, o.Amount)
		case "p0391":
			return d.hP0391.OnHit(P0391HitContext{fwOnOrder{c}}, o.Amount)
		case "p0392":
			return d.hP0392.OnHit(P0392HitContext{fwOnOrder{c}}, o.Amount)
		case "p0393":
			return d.hP0393.OnHit(P0393HitContext{fwOnOrder{c}}, o.Amount)
		case "p0394":
			return d.hP0394.OnHit(P0394HitContext{fwOnOrder{c}}, o.Amount)
		case "p0395":
			return d.hP0395.OnHit(P0395HitContext{fwOnOrder{c}}, o.Amount)
		case "p0396":
			return d.hP0396.OnHit(P0396HitContext{fwOnOrder{c}}, o.Amount)
		case "p0397":
			return d.hP0397.OnHit(P0397HitContext{fwOnOrder{c}}, o.Amount)
		case "p0398":
			return d.hP0398.OnHit(P0398HitContext{fwOnOrder{c}}, o.Amount)
		case "p0399":
			return d.hP0399.OnHit(P0399HitContext{fwOnOrder{c}}, o.Amount)
		case "p0400":
			return d.hP0400.OnHit(P0400HitContext{fwOnOrder{c}}, o.Amount)
		case "p0401":
			return d.hP0401.OnHit(P0401HitContext{fwOnOrder{c}}, o.Amount)
		case "p0402":
			return d.hP0402.OnHit(P0402HitContext{fwOnOrder{c}}, o.Amount)
		case "p0403":
			return d.hP0403.OnHit(P0403HitContext{fwOnOrder{c}}, o.Amount)
		case "p0404":
			return d.hP0404.OnHit(P0404HitContext{fwOnOrder{c}}, o.Amount)
		case "p0405":
			return d.hP0405.OnHit(P0405HitContext{fwOnOrder{c}}, o.Amount)
		case "p0406":
			return d.hP0406.OnHit(P0406HitContext{fwOnOrder{c}}, o.Amount)
		case "p0407":
			return d.hP0407.OnHit(P0407HitContext{fwOnOrder{c}}, o.Amount)
		case "p0408":
			return d.hP0408.OnHit(P0408HitContext{fwOnOrder{c}}, o.Amount)
		case "p0409":
			return d.hP0409.OnHit(P0409HitContext{fwOnOrder{c}}, o.Amount)
		case "p0410":
			return d.hP0410.OnHit(P0410HitContext{fwOnOrder{c}}, o.Amount)
		case "p0411":
			return d.hP0411.OnHit(P0411HitContext{fwOnOrder{c}}, o.Amount)
		case "p0412":
			return d.hP0412.OnHit(P0412HitContext{fwOnOrder{c}}, o.Amount)
		case "p0413":
			return d.hP0413.OnHit(P0413HitContext{fwOnOrder{c}}, o.Amount)
		case "p0414":
			return d.hP0414.OnHit(P0414HitContext{fwOnOrder{c}}, o.Amount)
		case "p0415":
			return d.hP0415.OnHit(P0415HitContext{fwOnOrder{c}}, o.Amount)
		case "p0416":
			return d.hP0416.OnHit(P0416HitContext{fwOnOrder{c}}, o.Amount)
		case "p0417":
			return d.hP0417.OnHit(P0417HitContext{fwOnOrder{c}}, o.Amount)
		case "p0418":
			return d.hP0418.OnHit(P0418HitContext{fwOnOrder{c}}, o.Amount)
		case "p0419":
			return d.hP0419.OnHit(P0419HitContext{fwOnOrder{c}}, o.Amount)
		case "p0420":
			return d.hP0420.OnHit(P0420HitContext{fwOnOrder{c}}, o.Amount)
		case "p0421":
			return d.hP0421.OnHit(P0421HitContext{fwOnOrder{c}}, o.Amount)
		case "p0422":
			return d.hP0422.OnHit(P0422HitContext{fwOnOrder{c}}, o.Amount)
		case "p0423":
			return d.hP0423.OnHit(P0423HitContext{fwOnOrder{c}}, o.Amount)
		case "p0424":
			return d.hP0424.OnHit(P0424HitContext{fwOnOrder{c}}, o.Amount)
		case "p0425":
			return d.hP0425.OnHit(P0425HitContext{fwOnOrder{c}}, o.Amount)
		case "p0426":
			return d.hP0426.OnHit(P0426HitContext{fwOnOrder{c}}, o.Amount)
		case "p0427":
			return d.hP0427.OnHit(P0427HitContext{fwOnOrder{c}}, o.Amount)
		case "p0428":
			return d.hP0428.OnHit(P0428HitContext{fwOnOrder{c}}, o.Amount)
		case "p0429":
			return d.hP0429.OnHit(P0429HitContext{fwOnOrder{c}}, o.Amount)
		case "p0430":
			return d.hP0430.OnHit(P0430HitContext{fwOnOrder{c}}, o.Amount)
		case "p0431":
			return d.hP0431.OnHit(P0431HitContext{fwOnOrder{c}}, o.Amount)
		case "p0432":
			return d.hP0432.OnHit(P0432HitContext{fwOnOrder{c}}, o.Amount)
		case "p0433":
			return d.hP0433.OnHit(P0433HitContext{fwOnOrder{c}}, o.Amount)
		case "p0434":
			return d.hP0434.OnHit(P0434HitContext{fwOnOrder{c}}, o.Amount)
		case "p0435":
			return d.hP0435.OnHit(P0435HitContext{fwOnOrder{c}}, o.Amount)
		case "p0436":
			return d.hP0436.OnHit(P0436HitContext{fwOnOrder{c}}, o.Amount)
		case "p0437":
			return d.hP0437.OnHit(P0437HitContext{fwOnOrder{c}}, o.Amount)
		case "p0438":
			return d.hP0438.OnHit(P0438HitContext{fwOnOrder{c}}, o.Amount)
		case "p0439":
			return d.hP0439.OnHit(P0439HitContext{fwOnOrder{c}}, o.Amount)
		case "p0440":
			return d.hP0440.OnHit(P0440HitContext{fwOnOrder{c}}, o.Amount)
		case "p0441":
			return d.hP0441.OnHit(P0441HitContext{fwOnOrder{c}}, o.Amount)
		case "p0442":
			return d.hP0442.OnHit(P0442HitContext{fwOnOrder{c}}, o.Amount)
		case "p0443":
			return d.hP0443.OnHit(P0443HitContext{fwOnOrder{c}}, o.Amount)
		case "p0444":
			return d.hP0444.OnHit(P0444HitContext{fwOnOrder{c}}, o.Amount)
		case "p0445":
			return d.hP0445.OnHit(P0445HitContext{fwOnOrder{c}}, o.Amount)
		case "p0446":
			return d.hP0446.OnHit(P0446HitContext{fwOnOrder{c}}, o.Amount)
		case "p0447":
			return d.hP0447.OnHit(P0447HitContext{fwOnOrder{c}}, o.Amount)
		case "p0448":
			return d.hP0448.OnHit(P0448HitContext{fwOnOrder{c}}, o.Amount)
		case "p0449":
			return d.hP0449.OnHit(P0449HitContext{fwOnOrder{c}}, o.Amount)
		case "p0450":
			return d.hP0450.OnHit(P0450HitContext{fwOnOrder{c}}, o.Amount)
		case "p0451":
			return d.hP0451.OnHit(P0451HitContext{fwOnOrder{c}}, o.Amount)
		case "p0452":
			return d.hP0452.OnHit(P0452HitContext{fwOnOrder{c}}, o.Amount)
		case "p0453":
			return d.hP0453.OnHit(P0453HitContext{fwOnOrder{c}}, o.Amount)
		case "p0454":
			return d.hP0454.OnHit(P0454HitContext{fwOnOrder{c}}, o.Amount)
		case "p0455":
			return d.hP0455.OnHit(P0455HitContext{fwOnOrder{c}}, o.Amount)
		case "p0456":
			return d.hP0456.OnHit(P0456HitContext{fwOnOrder{c}}, o.Amount)
		case "p0457":
			return d.hP0457.OnHit(P0457HitContext{fwOnOrder{c}}, o.Amount)
		case "p0458":
			return d.hP0458.OnHit(P0458HitContext{fwOnOrder{c}}, o.Amount)
		case "p0459":
			return d.hP0459.OnHit(P0459HitContext{fwOnOrder{c}}, o.Amount)
		case "p0460":
			return d.hP0460.OnHit(P0460HitContext{fwOnOrder{c}}, o.Amount)
		case "p0461":
			return d.hP0461.OnHit(P0461HitContext{fwOnOrder{c}}, o.Amount)
		case "p0462":
			return d.hP0462.OnHit(P0462HitContext{fwOnOrder{c}}, o.Amount)
		case "p0463":
			return d.hP0463.OnHit(P0463HitContext{fwOnOrder{c}}, o.Amount)
		case "p0464":
			return d.hP0464.OnHit(P0464HitContext{fwOnOrder{c}}, o.Amount)
		case "p0465":
			return d.hP0465.OnHit(P0465HitContext{fwOnOrder{c}}, o.Amount)
		case "p0466":
			return d.hP0466.OnHit(P0466HitContext{fwOnOrder{c}}, o.Amount)
		case "p0467":
			return d.hP0467.OnHit(P0467HitContext{fwOnOrder{c}}, o.Amount)
		case "p0468":
			return d.hP0468.OnHit(P0468HitContext{fwOnOrder{c}}, o.Amount)
		case "p0469":
			return d.hP0469.OnHit(P0469HitContext{fwOnOrder{c}}, o.Amount)
		case "p0470":
			return d.hP0470.OnHit(P0470HitContext{fwOnOrder{c}}, o.Amount)
		case "p0471":
			return d.hP0471.OnHit(P0471HitContext{fwOnOrder{c}}, o.Amount)
		case "p0472":
			return d.hP0472.OnHit(P0472HitContext{fwOnOrder{c}}, o.Amount)
		case "p0473":
			return d.hP0473.OnHit(P0473HitContext{fwOnOrder{c}}, o.Amount)
		case "p0474":
			return d.hP0474.OnHit(P0474HitContext{fwOnOrder{c}}, o.Amount)
		case "p0475":
			return d.hP0475.OnHit(P0475HitContext{fwOnOrder{c}}, o.Amount)
		case "p0476":
			return d.hP0476.OnHit(P0476HitContext{fwOnOrder{c}}, o.Amount)
		case "p0477":
			return d.hP0477.OnHit(P0477HitContext{fwOnOrder{c}}, o.Amount)
		case "p0478":
			return d.hP0478.OnHit(P0478HitContext{fwOnOrder{c}}, o.Amount)
		case "p0479":
			return d.hP0479.OnHit(P0479HitContext{fwOnOrder{c}}, o.Amount)
		case "p0480":
			return d.hP0480.OnHit(P0480HitContext{fwOnOrder{c}}, o.Amount)
		case "p0481":
			return d.hP0481.OnHit(P0481HitContext{fwOnOrder{c}}, o.Amount)
		case "p0482":
			return d.hP0482.OnHit(P0482HitContext{fwOnOrder{c}}, o.Amount)
		case "p0483":
			return d.hP0483.OnHit(P0483HitContext{fwOnOrder{c}}, o.Amount)
		case "p0484":
			return d.hP0484.OnHit(P0484HitContext{fwOnOrder{c}}, o.Amount)
		case "p0485":
			return d.hP0485.OnHit(P0485HitContext{fwOnOrder{c}}, o.Amount)
		case "p0486":
			return d.hP0486.OnHit(P0486HitContext{fwOnOrder{c}}, o.Amount)
		case "p0487":
			return d.hP0487.OnHit(P0487HitContext{fwOnOrder{c}}, o.Amount)
		case "p0488":
			return d.hP0488.OnHit(P0488HitContext{fwOnOrder{c}}, o.Amount)
		case "p0489":
			return d.hP0489.OnHit(P0489HitContext{fwOnOrder{c}}, o.Amount)
		case "p0490":
			return d.hP0490.OnHit(P0490HitContext{fwOnOrder{c}}, o.Amount)
		case "p0491":
			return d.hP0491.OnHit(P0491HitContext{fwOnOrder{c}}, o.Amount)
		case "p0492":
			return d.hP0492.OnHit(P0492HitContext{fwOnOrder{c}}, o.Amount)
		case "p0493":
			return d.hP0493.OnHit(P0493HitContext{fwOnOrder{c}}, o.Amount)
		case "p0494":
			return d.hP0494.OnHit(P0494HitContext{fwOnOrder{c}}, o.Amount)
		case "p0495":
			return d.hP0495.OnHit(P0495HitContext{fwOnOrder{c}}, o.Amount)
		case "p0496":
			return d.hP0496.OnHit(P0496HitContext{fwOnOrder{c}}, o.Amount)
		case "p0497":
			return d.hP0497.OnHit(P0497HitContext{fwOnOrder{c}}, o.Amount)
		case "p0498":
			return d.hP0498.OnHit(P0498HitContext{fwOnOrder{c}}, o.Amount)
		case "p0499":
			return d.hP0499.OnHit(P0499HitContext{fwOnOrder{c}}, o.Amount)
		case "p0500":
			return d.hP0500.OnHit(P0500HitContext{fwOnOrder{c}}, o.Amount)
		case "p0501":
			return d.hP0501.OnHit(P0501HitContext{fwOnOrder{c}}, o.Amount)
		case "p0502":
			return d.hP0502.OnHit(P0502HitContext{fwOnOrder{c}}, o.Amount)
		case "p0503":
			return d.hP0503.OnHit(P0503HitContext{fwOnOrder{c}}, o.Amount)
		case "p0504":
			return d.hP0504.OnHit(P0504HitContext{fwOnOrder{c}}, o.Amount)
		case "p0505":
			return d.hP0505.OnHit(P0505HitContext{fwOnOrder{c}}, o.Amount)
		case "p0506":
			return d.hP0506.OnHit(P0506HitContext{fwOnOrder{c}}, o.Amount)
		case "p0507":
			return d.hP0507.OnHit(P0507HitContext{fwOnOrder{c}}, o.Amount)
		case "p0508":
			return d.hP0508.OnHit(P0508HitContext{fwOnOrder{c}}, o.Amount)
		case "p0509":
			return d.hP0509.OnHit(P0509HitContext{fwOnOrder{c}}, o.Amount)
		case "p0510":
			return d.hP0510.OnHit(P0510HitContext{fwOnOrder{c}}, o.Amount)
		case "p0511":
			return d.hP0511.OnHit(P0511HitContext{fwOnOrder{c}}, o.Amount)
		case "p0512":
			return d.hP0512.OnHit(P0512HitContext{fwOnOrder{c}}, o.Amount)
		case "p0513":
			return d.hP0513.OnHit(P0513HitContext{fwOnOrder{c}}, o.Amount)
		case "p0514":
			return d.hP0514.OnHit(P0514HitContext{fwOnOrder{c}}, o.Amount)
		case "p0515":
			return d.hP0515.OnHit(P0515HitContext{fwOnOrder{c}}, o.Amount)
		case "p0516":
			return d.hP0516.OnHit(P0516HitContext{fwOnOrder{c}}, o.Amount)
		case "p0517":
			return d.hP0517.OnHit(P0517HitContext{fwOnOrder{c}}, o.Amount)
		case "p0518":
			return d.hP0518.OnHit(P0518HitContext{fwOnOrder{c}}, o.Amount)
		case "p0519":
			return d.hP0519.OnHit(P0519HitContext{fwOnOrder{c}}, o.Amount)
		case "p0520":
			return d.hP0520.OnHit(P0520HitContext{fwOnOrder{c}}, o.Amount)
		case "p0521":
			return d.hP0521.OnHit(P0521HitContext{fwOnOrder{c}}, o.Amount)
		case "p0522":
			return d.hP0522.OnHit(P0522HitContext{fwOnOrder{c}}, o.Amount)
		case "p0523":
			return d.hP0523.OnHit(P0523HitContext{fwOnOrder{c}}, o.Amount)
		case "p0524":
			return d.hP0524.OnHit(P0524HitContext{fwOnOrder{c}}, o.Amount)
		case "p0525":
			return d.hP0525.OnHit(P0525HitContext{fwOnOrder{c}}, o.Amount)
		case "p0526":
			return d.hP0526.OnHit(P0526HitContext{fwOnOrder{c}}, o.Amount)
		case "p0527":
			return d.hP0527.OnHit(P0527HitContext{fwOnOrder{c}}, o.Amount)
		case "p0528":
			return d.hP0528.OnHit(P0528HitContext{fwOnOrder{c}}, o.Amount)
		case "p0529":
			return d.hP0529.OnHit(P0529HitContext{fwOnOrder{c}}, o.Amount)
		case "p0530":
			return d.hP0530.OnHit(P0530HitContext{fwOnOrder{c}}, o.Amount)
		case "p0531":
			return d.hP0531.OnHit(P0531HitContext{fwOnOrder{c}}, o.Amount)
		case "p0532":
			return d.hP0532.OnHit(P0532HitContext{fwOnOrder{c}}, o.Amount)
		case "p0533":
			return d.hP0533.OnHit(P0533HitContext{fwOnOrder{c}}, o.Amount)
		case "p0534":
			return d.hP0534.OnHit(P0534HitContext{fwOnOrder{c}}, o.Amount)
		case "p0535":
			return d.hP0535.OnHit(P0535HitContext{fwOnOrder{c}}, o.Amount)
		case "p0536":
			return d.hP0536.OnHit(P0536HitContext{fwOnOrder{c}}, o.Amount)
		case "p0537":
			return d.hP0537.OnHit(P0537HitContext{fwOnOrder{c}}, o.Amount)
		case "p0538":
			return d.hP0538.OnHit(P0538HitContext{fwOnOrder{c}}, o.Amount)
		case "p0539":
			return d.hP0539.OnHit(P0539HitContext{fwOnOrder{c}}, o.Amount)
		case "p0540":
			return d.hP0540.OnHit(P0540HitContext{fwOnOrder{c}}, o.Amount)
		case "p0541":
			return d.hP0541.OnHit(P0541HitContext{fwOnOrder{c}}, o.Amount)
		case "p0542":
			return d.hP0542.OnHit(P0542HitContext{fwOnOrder{c}}, o.Amount)
		case "p0543":
			return d.hP0543.OnHit(P0543HitContext{fwOnOrder{c}}, o.Amount)
		case "p0544":
			return d.hP0544.OnHit(P0544HitContext{fwOnOrder{c}}, o.Amount)
		case "p0545":
			return d.hP0545.OnHit(P0545HitContext{fwOnOrder{c}}, o.Amount)
		case "p0546":
			return d.hP0546.OnHit(P0546HitContext{fwOnOrder{c}}, o.Amount)
		case "p0547":
			return d.hP0547.OnHit(P0547HitContext{fwOnOrder{c}}, o.Amount)
		case "p0548":
			return d.hP0548.OnHit(P0548HitContext{fwOnOrder{c}}, o.Amount)
		case "p0549":
			return d.hP0549.OnHit(P0549HitContext{fwOnOrder{c}}, o.Amount)
		case "p0550":
			return d.hP0550.OnHit(P0550HitContext{fwOnOrder{c}}, o.Amount)
		case "p0551":
			return d.hP0551.OnHit(P0551HitContext{fwOnOrder{c}}, o.Amount)
		case "p0552":
			return d.hP0552.OnHit(P0552HitContext{fwOnOrder{c}}, o.Amount)
		case "p0553":
			return d.hP0553.OnHit(P0553HitContext{fwOnOrder{c}}, o.Amount)
		case "p0554":
			return d.hP0554.OnHit(P0554HitContext{fwOnOrder{c}}, o.Amount)
		case "p0555":
			return d.hP0555.OnHit(P0555HitContext{fwOnOrder{c}}, o.Amount)
		case "p0556":
			return d.hP0556.OnHit(P0556HitContext{fwOnOrder{c}}, o.Amount)
		case "p0557":
			return d.hP0557.OnHit(P0557HitContext{fwOnOrder{c}}, o.Amount)
		case "p0558":
			return d.hP0558.OnHit(P0558HitContext{fwOnOrder{c}}, o.Amount)
		case "p0559":
			return d.hP0559.OnHit(P0559HitContext{fwOnOrder{c}}, o.Amount)
		case "p0560":
			return d.hP0560.OnHit(P0560HitContext{fwOnOrder{c}}, o.Amount)
		case "p0561":
			return d.hP0561.OnHit(P0561HitContext{fwOnOrder{c}}, o.Amount)
		case "p0562":
			return d.hP0562.OnHit(P0562HitContext{fwOnOrder{c}}, o.Amount)
		case "p0563":
			return d.hP0563.OnHit(P0563HitContext{fwOnOrder{c}}, o.Amount)
		case "p0564":
			return d.hP0564.OnHit(P0564HitContext{fwOnOrder{c}}, o.Amount)
		case "p0565":
			return d.hP0565.OnHit(P0565HitContext{fwOnOrder{c}}, o.Amount)
		case "p0566":
			return d.hP0566.OnHit(P0566HitContext{fwOnOrder{c}}, o.Amount)
		case "p0567":
			return d.hP0567.OnHit(P0567HitContext{fwOnOrder{c}}, o.Amount)
		case "p0568":
			return d.hP0568.OnHit(P0568HitContext{fwOnOrder{c}}, o.Amount)
		case "p0569":
			return d.hP0569.OnHit(P0569HitContext{fwOnOrder{c}}, o.Amount)
		case "p0570":
			return d.hP0570.OnHit(P0570HitContext{fwOnOrder{c}}, o.Amount)
		case "p0571":
			return d.hP0571.OnHit(P0571HitContext{fwOnOrder{c}}, o.Amount)
		case "p0572":
			return d.hP0572.OnHit(P0572HitContext{fwOnOrder{c}}, o.Amount)
		case "p0573":
			return d.hP0573.OnHit(P0573HitContext{fwOnOrder{c}}, o.Amount)
		case "p0574":
			return d.hP0574.OnHit(P0574HitContext{fwOnOrder{c}}, o.Amount)
		case "p0575":
			return d.hP0575.OnHit(P0575HitContext{fwOnOrder{c}}, o.Amount)
		case "p0576":
			return d.hP0576.OnHit(P0576HitContext{fwOnOrder{c}}, o.Amount)
		case "p0577":
			return d.hP0577.OnHit(P0577HitContext{fwOnOrder{c}}, o.Amount)
		case "p0578":
			return d.hP0578.OnHit(P0578HitContext{fwOnOrder{c}}, o.Amount)
		case "p0579":
			return d.hP0579.OnHit(P0579HitContext{fwOnOrder{c}}, o.Amount)
		case "p0580":
			return d.hP0580.OnHit(P0580HitContext{fwOnOrder{c}}, o.Amount)
		case "p0581":
			return d.hP0581.OnHit(P0581HitContext{fwOnOrder{c}}, o.Amount)
		case "p0582":
			return d.hP0582.OnHit(P0582HitContext{fwOnOrder{c}}, o.Amount)
		case "p0583":
			return d.hP0583.OnHit(P0583HitContext{fwOnOrder{c}}, o.Amount)
		case "p0584":
			return d.hP0584.OnHit(P0584HitContext{fwOnOrder{c}}, o.Amount)
		case "p0585":
			return d.hP0585.OnHit(P0585HitContext{fwOnOrder{c}}, o.Amount)
		case "p0586":
			return d.hP0586.OnHit(P0586HitContext{fwOnOrder{c}}, o.Amount)
		case "p0587":
			return d.hP0587.OnHit(P0587HitContext{fwOnOrder{c}}, o.Amount)
		case "p0588":
			return d.hP0588.OnHit(P0588HitContext{fwOnOrder{c}}, o.Amount)
		case "p0589":
			return d.hP0589.OnHit(P0589HitContext{fwOnOrder{c}}, o.Amount)
		case "p0590":
			return d.hP0590.OnHit(P0590HitContext{fwOnOrder{c}}, o.Amount)
		case "p0591":
			return d.hP0591.OnHit(P0591HitContext{fwOnOrder{c}}, o.Amount)
		case "p0592":
			return d.hP0592.OnHit(P0592HitContext{fwOnOrder{c}}, o.Amount)
		case "p0593":
			return d.hP0593.OnHit(P0593HitContext{fwOnOrder{c}}, o.Amount)
		case "p0594":
			return d.hP0594.OnHit(P0594HitContext{fwOnOrder{c}}, o.Amount)
		case "p0595":
			return d.hP0595.OnHit(P0595HitContext{fwOnOrder{c}}, o.Amount)
		case "p0596":
			return d.hP0596.OnHit(P0596HitContext{fwOnOrder{c}}, o.Amount)
		case "p0597":
			return d.hP0597.OnHit(P0597HitContext{fwOnOrder{c}}, o.Amount)
		case "p0598":
			return d.hP0598.OnHit(P0598HitContext{fwOnOrder{c}}, o.Amount)
		case "p0599":
			return d.hP0599.OnHit(P0599HitContext{fwOnOrder{c}}, o.Amount)
		case "p0600":
			return d.hP0600.OnHit(P0600HitContext{fwOnOrder{c}}, o.Amount)
		case "p0601":
			return d.hP0601.OnHit(P0601HitContext{fwOnOrder{c}}, o.Amount)
		case "p0602":
			return d.hP0602.OnHit(P0602HitContext{fwOnOrder{c}}, o.Amount)
		case "p0603":
			return d.hP0603.OnHit(P0603HitContext{fwOnOrder{c}}, o.Amount)
		case "p0604":
			return d.hP0604.OnHit(P0604HitContext{fwOnOrder{c}}, o.Amount)
		case "p0605":
			return d.hP0605.OnHit(P0605HitContext{fwOnOrder{c}}, o.Amount)
		case "p0606":
			return d.hP0606.OnHit(P0606HitContext{fwOnOrder{c}}, o.Amount)
		case "p0607":
			return d.hP0607.OnHit(P0607HitContext{fwOnOrder{c}}, o.Amount)
		case "p0608":
			return d.hP0608.OnHit(P0608HitContext{fwOnOrder{c}}, o.Amount)
		case "p0609":
			return d.hP0609.OnHit(P0609HitContext{fwOnOrder{c}}, o.Amount)
		case "p0610":
			return d.hP0610.OnHit(P0610HitContext{fwOnOrder{c}}, o.Amount)
		case "p0611":
			return d.hP0611.OnHit(P0611HitContext{fwOnOrder{c}}, o.Amount)
		case "p0612":
			return d.hP0612.OnHit(P0612HitContext{fwOnOrder{c}}, o.Amount)
		case "p0613":
			return d.hP0613.OnHit(P0613HitContext{fwOnOrder{c}}, o.Amount)
		case "p0614":
			return d.hP0614.OnHit(P0614HitContext{fwOnOrder{c}}, o.Amount)
		case "p0615":
			return d.hP0615.OnHit(P0615HitContext{fwOnOrder{c}}, o.Amount)
		case "p0616":
			return d.hP0616.OnHit(P0616HitContext{fwOnOrder{c}}, o.Amount)
		case "p0617":
			return d.hP0617.OnHit(P0617HitContext{fwOnOrder{c}}, o.Amount)
		case "p0618":
			return d.hP0618.OnHit(P0618HitContext{fwOnOrder{c}}, o.Amount)
		case "p0619":
			return d.hP0619.OnHit(P0619HitContext{fwOnOrder{c}}, o.Amount)
		case "p0620":
			return d.hP0620.OnHit(P0620HitContext{fwOnOrder{c}}, o.Amount)
		case "p0621":
			return d.hP0621.OnHit(P0621HitContext{fwOnOrder{c}}, o.Amount)
		case "p0622":
			return d.hP0622.OnHit(P0622HitContext{fwOnOrder{c}}, o.Amount)
		case "p0623":
			return d.hP0623.OnHit(P0623HitContext{fwOnOrder{c}}, o.Amount)
		case "p0624":
			return d.hP0624.OnHit(P0624HitContext{fwOnOrder{c}}, o.Amount)
		case "p0625":
			return d.hP0625.OnHit(P0625HitContext{fwOnOrder{c}}, o.Amount)
		case "p0626":
			return d.hP0626.OnHit(P0626HitContext{fwOnOrder{c}}, o.Amount)
		case "p0627":
			return d.hP0627.OnHit(P0627HitContext{fwOnOrder{c}}, o.Amount)
		case "p0628":
			return d.hP0628.OnHit(P0628HitContext{fwOnOrder{c}}, o.Amount)
		case "p0629":
			return d.hP0629.OnHit(P0629HitContext{fwOnOrder{c}}, o.Amount)
		case "p0630":
			return d.hP0630.OnHit(P0630HitContext{fwOnOrder{c}}, o.Amount)
		case "p0631":
			return d.hP0631.OnHit(P0631HitContext{fwOnOrder{c}}, o.Amount)
		case "p0632":
			return d.hP0632.OnHit(P0632HitContext{fwOnOrder{c}}, o.Amount)
		case "p0633":
			return d.hP0633.OnHit(P0633HitContext{fwOnOrder{c}}, o.Amount)
		case "p0634":
			return d.hP0634.OnHit(P0634HitContext{fwOnOrder{c}}, o.Amount)
		case "p0635":
			return d.hP0635.OnHit(P0635HitContext{fwOnOrder{c}}, o.Amount)
		case "p0636":
			return d.hP0636.OnHit(P0636HitContext{fwOnOrder{c}}, o.Amount)
		case "p0637":
			return d.hP0637.OnHit(P0637HitContext{fwOnOrder{c}}, o.Amount)
		case "p0638":
			return d.hP0638.OnHit(P0638HitContext{fwOnOrder{c}}, o.Amount)
		case "p0639":
			return d.hP0639.OnHit(P0639HitContext{fwOnOrder{c}}, o.Amount)
		case "p0640":
			return d.hP0640.OnHit(P0640HitContext{fwOnOrder{c}}, o.Amount)
		case "p0641":
			return d.hP0641.OnHit(P0641HitContext{fwOnOrder{c}}, o.Amount)
		case "p0642":
			return d.hP0642.OnHit(P0642HitContext{fwOnOrder{c}}, o.Amount)
		case "p0643":
			return d.hP0643.OnHit(P0643HitContext{fwOnOrder{c}}, o.Amount)
		case "p0644":
			return d.hP0644.OnHit(P0644HitContext{fwOnOrder{c}}, o.Amount)
		case "p0645":
			return d.hP0645.OnHit(P0645HitContext{fwOnOrder{c}}, o.Amount)
		case "p0646":
			return d.hP0646.OnHit(P0646HitContext{fwOnOrder{c}}, o.Amount)
		case "p0647":
			return d.hP0647.OnHit(P0647HitContext{fwOnOrder{c}}, o.Amount)
		case "p0648":
			return d.hP0648.OnHit(P0648HitContext{fwOnOrder{c}}, o.Amount)
		case "p0649":
			return d.hP0649.OnHit(P0649HitContext{fwOnOrder{c}}, o.Amount)
		case "p0650":
			return d.hP0650.OnHit(P0650HitContext{fwOnOrder{c}}, o.Amount)
		case "p0651":
			return d.hP0651.OnHit(P0651HitContext{fwOnOrder{c}}, o.Amount)
		case "p0652":
			return d.hP0652.OnHit(P0652HitContext{fwOnOrder{c}}, o.Amount)
		case "p0653":
			return d.hP0653.OnHit(P0653HitContext{fwOnOrder{c}}, o.Amount)
		case "p0654":
			return d.hP0654.OnHit(P0654HitContext{fwOnOrder{c}}, o.Amount)
		case "p0655":
			return d.hP0655.OnHit(P0655HitContext{fwOnOrder{c}}, o.Amount)
		case "p0656":
			return d.hP0656.OnHit(P0656HitContext{fwOnOrder{c}}, o.Amount)
		case "p0657":
			return d.hP0657.OnHit(P0657HitContext{fwOnOrder{c}}, o.Amount)
		case "p0658":
			return d.hP0658.OnHit(P0658HitContext{fwOnOrder{c}}, o.Amount)
		case "p0659":
			return d.hP0659.OnHit(P0659HitContext{fwOnOrder{c}}, o.Amount)
		case "p0660":
			return d.hP0660.OnHit(P0660HitContext{fwOnOrder{c}}, o.Amount)
		case "p0661":
			return d.hP0661.OnHit(P0661HitContext{fwOnOrder{c}}, o.Amount)
		case "p0662":
			return d.hP0662.OnHit(P0662HitContext{fwOnOrder{c}}, o.Amount)
		case "p0663":
			return d.hP0663.OnHit(P0663HitContext{fwOnOrder{c}}, o.Amount)
		case "p0664":
			return d.hP0664.OnHit(P0664HitContext{fwOnOrder{c}}, o.Amount)
		case "p0665":
			return d.hP0665.OnHit(P0665HitContext{fwOnOrder{c}}, o.Amount)
		case "p0666":
			return d.hP0666.OnHit(P0666HitContext{fwOnOrder{c}}, o.Amount)
		case "p0667":
			return d.hP0667.OnHit(P0667HitContext{fwOnOrder{c}}, o.Amount)
		case "p0668":
			return d.hP0668.OnHit(P0668HitContext{fwOnOrder{c}}, o.Amount)
		case "p0669":
			return d.hP0669.OnHit(P0669HitContext{fwOnOrder{c}}, o.Amount)
		case "p0670":
			return d.hP0670.OnHit(P0670HitContext{fwOnOrder{c}}, o.Amount)
		case "p0671":
			return d.hP0671.OnHit(P0671HitContext{fwOnOrder{c}}, o.Amount)
		case "p0672":
			return d.hP0672.OnHit(P0672HitContext{fwOnOrder{c}}, o.Amount)
		case "p0673":
			return d.hP0673.OnHit(P0673HitContext{fwOnOrder{c}}, o.Amount)
		case "p0674":
			return d.hP0674.OnHit(P0674HitContext{fwOnOrder{c}}, o.Amount)
		case "p0675":
			return d.hP0675.OnHit(P0675HitContext{fwOnOrder{c}}, o.Amount)
		case "p0676":
			return d.hP0676.OnHit(P0676HitContext{fwOnOrder{c}}, o.Amount)
		case "p0677":
			return d.hP0677.OnHit(P0677HitContext{fwOnOrder{c}}, o.Amount)
		case "p0678":
			return d.hP0678.OnHit(P0678HitContext{fwOnOrder{c}}, o.Amount)
		case "p0679":
			return d.hP0679.OnHit(P0679HitContext{fwOnOrder{c}}, o.Amount)
		case "p0680":
			return d.hP0680.OnHit(P0680HitContext{fwOnOrder{c}}, o.Amount)
		case "p0681":
			return d.hP0681.OnHit(P0681HitContext{fwOnOrder{c}}, o.Amount)
		case "p0682":
			return d.hP0682.OnHit(P0682HitContext{fwOnOrder{c}}, o.Amount)
		case "p0683":
			return d.hP0683.OnHit(P0683HitContext{fwOnOrder{c}}, o.Amount)
		case "p0684":
			return d.hP0684.OnHit(P0684HitContext{fwOnOrder{c}}, o.Amount)
		case "p0685":
			return d.hP0685.OnHit(P0685HitContext{fwOnOrder{c}}, o.Amount)
		case "p0686":
			return d.hP0686.OnHit(P0686HitContext{fwOnOrder{c}}, o.Amount)
		case "p0687":
			return d.hP0687.OnHit(P0687HitContext{fwOnOrder{c}}, o.Amount)
		case "p0688":
			return d.hP0688.OnHit(P0688HitContext{fwOnOrder{c}}, o.Amount)
		case "p0689":
			return d.hP0689.OnHit(P0689HitContext{fwOnOrder{c}}, o.Amount)
		case "p0690":
			return d.hP0690.OnHit(P0690HitContext{fwOnOrder{c}}, o.Amount)
		case "p0691":
			return d.hP0691.OnHit(P0691HitContext{fwOnOrder{c}}, o.Amount)
		case "p0692":
			return d.hP0692.OnHit(P0692HitContext{fwOnOrder{c}}, o.Amount)
		case "p0693":
			return d.hP0693.OnHit(P0693HitContext{fwOnOrder{c}}, o.Amount)
		case "p0694":
			return d.hP0694.OnHit(P0694HitContext{fwOnOrder{c}}, o.Amount)
		case "p0695":
			return d.hP0695.OnHit(P0695HitContext{fwOnOrder{c}}, o.Amount)
		case "p0696":
			return d.hP0696.OnHit(P0696HitContext{fwOnOrder{c}}, o.Amount)
		case "p0697":
			return d.hP0697.OnHit(P0697HitContext{fwOnOrder{c}}, o.Amount)
		case "p0698":
			return d.hP0698.OnHit(P0698HitContext{fwOnOrder{c}}, o.Amount)
		case "p0699":
			return d.hP0699.OnHit(P0699HitContext{fwOnOrder{c}}, o.Amount)
		case "p0700":
			return d.hP0700.OnHit(P0700HitContext{fwOnOrder{c}}, o.Amount)
		case "p0701":
			return d.hP0701.OnHit(P0701HitContext{fwOnOrder{c}}, o.Amount)
		case "p0702":
			return d.hP0702.OnHit(P0702HitContext{fwOnOrder{c}}, o.Amount)
		case "p0703":
			return d.hP0703.OnHit(P0703HitContext{fwOnOrder{c}}, o.Amount)
		case "p0704":
			return d.hP0704.OnHit(P0704HitContext{fwOnOrder{c}}, o.Amount)
		case "p0705":
			return d.hP0705.OnHit(P0705HitContext{fwOnOrder{c}}, o.Amount)
		case "p0706":
			return d.hP0706.OnHit(P0706HitContext{fwOnOrder{c}}, o.Amount)
		case "p0707":
			return d.hP0707.OnHit(P0707HitContext{fwOnOrder{c}}, o.Amount)
		case "p0708":
			return d.hP0708.OnHit(P0708HitContext{fwOnOrder{c}}, o.Amount)
		case "p0709":
			return d.hP0709.OnHit(P0709HitContext{fwOnOrder{c}}, o.Amount)
		case "p0710":
			return d.hP0710.OnHit(P0710HitContext{fwOnOrder{c}}, o.Amount)
		case "p0711":
			return d.hP0711.OnHit(P0711HitContext{fwOnOrder{c}}, o.Amount)
		case "p0712":
			return d.hP0712.OnHit(P0712HitContext{fwOnOrder{c}}, o.Amount)
		case "p0713":
			return d.hP0713.OnHit(P0713HitContext{fwOnOrder{c}}, o.Amount)
		case "p0714":
			return d.hP0714.OnHit(P0714HitContext{fwOnOrder{c}}, o.Amount)
		case "p0715":
			return d.hP0715.OnHit(P0715HitContext{fwOnOrder{c}}, o.Amount)
		case "p0716":
			return d.hP0716.OnHit(P0716HitContext{fwOnOrder{c}}, o.Amount)
		case "p0717":
			return d.hP0717.OnHit(P0717HitContext{fwOnOrder{c}}, o.Amount)
		case "p0718":
			return d.hP0718.OnHit(P0718HitContext{fwOnOrder{c}}, o.Amount)
		case "p0719":
			return d.hP0719.OnHit(P0719HitContext{fwOnOrder{c}}, o.Amount)
		case "p0720":
			return d.hP0720.OnHit(P0720HitContext{fwOnOrder{c}}, o.Amount)
		case "p0721":
			return d.hP0721.OnHit(P0721HitContext{fwOnOrder{c}}, o.Amount)
		case "p0722":
			return d.hP0722.OnHit(P0722HitContext{fwOnOrder{c}}, o.Amount)
		case "p0723":
			return d.hP0723.OnHit(P0723HitContext{fwOnOrder{c}}, o.Amount)
		case "p0724":
			return d.hP0724.OnHit(P0724HitContext{fwOnOrder{c}}, o.Amount)
		case "p0725":
			return d.hP0725.OnHit(P0725HitContext{fwOnOrder{c}}, o.Amount)
		case "p0726":
			return d.hP0726.OnHit(P0726HitContext{fwOnOrder{c}}, o.Amount)
		case "p0727":
			return d.hP0727.OnHit(P0727HitContext{fwOnOrder{c}}, o.Amount)
		case "p0728":
			return d.hP0728.OnHit(P0728HitContext{fwOnOrder{c}}, o.Amount)
		case "p0729":
			return d.hP0729.OnHit(P0729HitContext{fwOnOrder{c}}, o.Amount)
		case "p0730":
			return d.hP0730.OnHit(P0730HitContext{fwOnOrder{c}}, o.Amount)
		case "p0731":
			return d.hP0731.OnHit(P0731HitContext{fwOnOrder{c}}, o.Amount)
		case "p0732":
			return d.hP0732.OnHit(P0732HitContext{fwOnOrder{c}}, o.Amount)
		case "p0733":
			return d.hP0733.OnHit(P0733HitContext{fwOnOrder{c}}, o.Amount)
		case "p0734":
			return d.hP0734.OnHit(P0734HitContext{fwOnOrder{c}}, o.Amount)
		case "p0735":
			return d.hP0735.OnHit(P0735HitContext{fwOnOrder{c}}, o.Amount)
		case "p0736":
			return d.hP0736.OnHit(P0736HitContext{fwOnOrder{c}}, o.Amount)
		case "p0737":
			return d.hP0737.OnHit(P0737HitContext{fwOnOrder{c}}, o.Amount)
		case "p0738":
			return d.hP0738.OnHit(P0738HitContext{fwOnOrder{c}}, o.Amount)
		case "p0739":
			return d.hP0739.OnHit(P0739HitContext{fwOnOrder{c}}, o.Amount)
		case "p0740":
			return d.hP0740.OnHit(P0740HitContext{fwOnOrder{c}}, o.Amount)
		case "p0741":
			return d.hP0741.OnHit(P0741HitContext{fwOnOrder{c}}, o.Amount)
		case "p0742":
			return d.hP0742.OnHit(P0742HitContext{fwOnOrder{c}}, o.Amount)
		case "p0743":
			return d.hP0743.OnHit(P0743HitContext{fwOnOrder{c}}, o.Amount)
		case "p0744":
			return d.hP0744.OnHit(P0744HitContext{fwOnOrder{c}}, o.Amount)
		case "p0745":
			return d.hP0745.OnHit(P0745HitContext{fwOnOrder{c}}, o.Amount)
		case "p0746":
			return d.hP0746.OnHit(P0746HitContext{fwOnOrder{c}}, o.Amount)
		case "p0747":
			return d.hP0747.OnHit(P0747HitContext{fwOnOrder{c}}, o.Amount)
		case "p0748":
			return d.hP0748.OnHit(P0748HitContext{fwOnOrder{c}}, o.Amount)
		case "p0749":
			return d.hP0749.OnHit(P0749HitContext{fwOnOrder{c}}, o.Amount)
		case "p0750":
			return d.hP0750.OnHit(P0750HitContext{fwOnOrder{c}}, o.Amount)
		case "p0751":
			return d.hP0751.OnHit(P0751HitContext{fwOnOrder{c}}, o.Amount)
		case "p0752":
			return d.hP0752.OnHit(P0752HitContext{fwOnOrder{c}}, o.Amount)
		case "p0753":
			return d.hP0753.OnHit(P0753HitContext{fwOnOrder{c}}, o.Amount)
		case "p0754":
			return d.hP0754.OnHit(P0754HitContext{fwOnOrder{c}}, o.Amount)
		case "p0755":
			return d.hP0755.OnHit(P0755HitContext{fwOnOrder{c}}, o.Amount)
		case "p0756":
			return d.hP0756.OnHit(P0756HitContext{fwOnOrder{c}}, o.Amount)
		case "p0757":
			return d.hP0757.OnHit(P0757HitContext{fwOnOrder{c}}, o.Amount)
		case "p0758":
			return d.hP0758.OnHit(P0758HitContext{fwOnOrder{c}}, o.Amount)
		case "p0759":
			return d.hP0759.OnHit(P0759HitContext{fwOnOrder{c}}, o.Amount)
		case "p0760":
			return d.hP0760.OnHit(P0760HitContext{fwOnOrder{c}}, o.Amount)
		case "p0761":
			return d.hP0761.OnHit(P0761HitContext{fwOnOrder{c}}, o.Amount)
		case "p0762":
			return d.hP0762.OnHit(P0762HitContext{fwOnOrder{c}}, o.Amount)
		case "p0763":
			return d.hP0763.OnHit(P0763HitContext{fwOnOrder{c}}, o.Amount)
		case "p0764":
			return d.hP0764.OnHit(P0764HitContext{fwOnOrder{c}}, o.Amount)
		case "p0765":
			return d.hP0765.OnHit(P0765HitContext{fwOnOrder{c}}, o.Amount)
		case "p0766":
			return d.hP0766.OnHit(P0766HitContext{fwOnOrder{c}}, o.Amount)
		case "p0767":
			return d.hP0767.OnHit(P0767HitContext{fwOnOrder{c}}, o.Amount)
		case "p0768":
			return d.hP0768.OnHit(P0768HitContext{fwOnOrder{c}}, o.Amount)
		case "p0769":
			return d.hP0769.OnHit(P0769HitContext{fwOnOrder{c}}, o.Amount)
		case "p0770":
			return d.hP0770.OnHit(P0770HitContext{fwOnOrder{c}}, o.Amount)
		case "p0771":
			return d.hP0771.OnHit(P0771HitContext{fwOnOrder{c}}, o.Amount)
		case "p0772":
			return d.hP0772.OnHit(P0772HitContext{fwOnOrder{c}}, o.Amount)
		case "p0773":
			return d.hP0773.OnHit(P0773HitContext{fwOnOrder{c}}, o.Amount)
		case "p0774":
			return d.hP0774.OnHit(P0774HitContext{fwOnOrder{c}}, o.Amount)
		case "p0775":
			return d.hP0775.OnHit(P0775HitContext{fwOnOrder{c}}, o.Amount)
		case "p0776":
			return d.hP0776.OnHit(P0776HitContext{fwOnOrder{c}}, o.Amount)
		case "p0777":
			return d.hP0777.OnHit(P0777HitContext{fwOnOrder{c}}, o.Amount)
		case "p0778":
			return d.hP0778.OnHit(P0778HitContext{fwOnOrder{c}}, o.Amount)
		case "p0779":
			return d.hP0779.OnHit(P0779HitContext{fwOnOrder{c}}, o.Amount)
		case "p0780":
			return d.hP0780.OnHit(P0780HitContext{fwOnOrder{c}}, o.Amount)
		case "p0781":
			return d.hP0781.OnHit(P0781HitContext{fwOnOrder{c}}, o.Amount)
		case "p0782":
			return d.hP0782.OnHit(P0782HitContext{fwOnOrder{c}}, o.Amount)
		case "p0783":
			return d.hP0783.OnHit(P0783HitContext{fwOnOrder{c}}, o.Amount)
		case "p0784":
			return d.hP0784.OnHit(P0784HitContext{fwOnOrder{c}}, o.Amount)
		case "p0785":
			return d.hP0785.OnHit(P0785HitContext{fwOnOrder{c}}, o.Amount)
		case "p0786":
			return d.hP0786.OnHit(P0786HitContext{fwOnOrder{c}}, o.Amount)
		case "p0787":
			return d.hP0787.OnHit(P0787HitContext{fwOnOrder{c}}, o.Amount)
		case "p0788":
			return d.hP0788.OnHit(P0788HitContext{fwOnOrder{c}}, o.Amount)
		case "p0789":
			return d.hP0789.OnHit(P0789HitContext{fwOnOrder{c}}, o.Amount)
		case "p0790":
			return d.hP0790.OnHit(P0790HitContext{fwOnOrder{c}}, o.Amount)
		case "p0791":
			return d.hP0791.OnHit(P0791HitContext{fwOnOrder{c}}, o.Amount)
		case "p0792":
			return d.hP0792.OnHit(P0792HitContext{fwOnOrder{c}}, o.Amount)
		case "p0793":
			return d.hP0793.OnHit(P0793HitContext{fwOnOrder{c}}, o.Amount)
		case "p0794":
			return d.hP0794.OnHit(P0794HitContext{fwOnOrder{c}}, o.Amount)
		case "p0795":
			return d.hP0795.OnHit(P0795HitContext{fwOnOrder{c}}, o.Amount)
		case "p0796":
			return d.hP0796.OnHit(P0796HitContext{fwOnOrder{c}}, o.Amount)
		case "p0797":
			return d.hP0797.OnHit(P0797HitContext{fwOnOrder{c}}, o.Amount)
		case "p0798":
			return d.hP0798.OnHit(P0798HitContext{fwOnOrder{c}}, o.Amount)
		case "p0799":
			return d.hP0799.OnHit(P0799HitContext{fwOnOrder{c}}, o.Amount)
		case "p0800":
			return d.hP0800.OnHit(P0800HitContext{fwOnOrder{c}}, o.Amount)
		case "p0801":
			return d.hP0801.OnHit(P0801HitContext{fwOnOrder{c}}, o.Amount)
		case "p0802":
			return d.hP0802.OnHit(P0802HitContext{fwOnOrder{c}}, o.Amount)
		case "p0803":
			return d.hP0803.OnHit(P0803HitContext{fwOnOrder{c}}, o.Amount)
		case "p0804":
			return d.hP0804.OnHit(P0804HitContext{fwOnOrder{c}}, o.Amount)
		case "p0805":
			return d.hP0805.OnHit(P0805HitContext{fwOnOrder{c}}, o.Amount)
		case "p0806":
			return d.hP0806.OnHit(P0806HitContext{fwOnOrder{c}}, o.Amount)
		case "p0807":
			return d.hP0807.OnHit(P0807HitContext{fwOnOrder{c}}, o.Amount)
		case "p0808":
			return d.hP0808.OnHit(P0808HitContext{fwOnOrder{c}}, o.Amount)
		case "p0809":
			return d.hP0809.OnHit(P0809HitContext{fwOnOrder{c}}, o.Amount)
		case "p0810":
			return d.hP0810.OnHit(P0810HitContext{fwOnOrder{c}}, o.Amount)
		case "p0811":
			return d.hP0811.OnHit(P0811HitContext{fwOnOrder{c}}, o.Amount)
		case "p0812":
			return d.hP0812.OnHit(P0812HitContext{fwOnOrder{c}}, o.Amount)
		case "p0813":
			return d.hP0813.OnHit(P0813HitContext{fwOnOrder{c}}, o.Amount)
		case "p0814":
			return d.hP0814.OnHit(P0814HitContext{fwOnOrder{c}}, o.Amount)
		case "p0815":
			return d.hP0815.OnHit(P0815HitContext{fwOnOrder{c}}, o.Amount)
		case "p0816":
			return d.hP0816.OnHit(P0816HitContext{fwOnOrder{c}}, o.Amount)
		case "p0817":
			return d.hP0817.OnHit(P0817HitContext{fwOnOrder{c}}, o.Amount)
		case "p0818":
			return d.hP0818.OnHit(P0818HitContext{fwOnOrder{c}}, o.Amount)
		case "p0819":
			return d.hP0819.OnHit(P0819HitContext{fwOnOrder{c}}, o.Amount)
		case "p0820":
			return d.hP0820.OnHit(P0820HitContext{fwOnOrder{c}}, o.Amount)
		case "p0821":
			return d.hP0821.OnHit(P0821HitContext{fwOnOrder{c}}, o.Amount)
		case "p0822":
			return d.hP0822.OnHit(P0822HitContext{fwOnOrder{c}}, o.Amount)
		case "p0823":
			return d.hP0823.OnHit(P0823HitContext{fwOnOrder{c}}, o.Amount)
		case "p0824":
			return d.hP0824.OnHit(P0824HitContext{fwOnOrder{c}}, o.Amount)
		case "p0825":
			return d.hP0825.OnHit(P0825HitContext{fwOnOrder{c}}, o.Amount)
		case "p0826":
			return d.hP0826.OnHit(P0826HitContext{fwOnOrder{c}}, o.Amount)
		case "p0827":
			return d.hP0827.OnHit(P0827HitContext{fwOnOrder{c}}, o.Amount)
		case "p0828":
			return d.hP0828.OnHit(P0828HitContext{fwOnOrder{c}}, o.Amount)
		case "p0829":
			return d.hP0829.OnHit(P0829HitContext{fwOnOrder{c}}, o.Amount)
		case "p0830":
			return d.hP0830.OnHit(P0830HitContext{fwOnOrder{c}}, o.Amount)
		case "p0831":
			return d.hP0831.OnHit(P0831HitContext{fwOnOrder{c}}, o.Amount)
		case "p0832":
			return d.hP0832.OnHit(P0832HitContext{fwOnOrder{c}}, o.Amount)
		case "p0833":
			return d.hP0833.OnHit(P0833HitContext{fwOnOrder{c}}, o.Amount)
		case "p0834":
			return d.hP0834.OnHit(P0834HitContext{fwOnOrder{c}}, o.Amount)
		case "p0835":
			return d.hP0835.OnHit(P0835HitContext{fwOnOrder{c}}, o.Amount)
		case "p0836":
			return d.hP0836.OnHit(P0836HitContext{fwOnOrder{c}}, o.Amount)
		case "p0837":
			return d.hP0837.OnHit(P0837HitContext{fwOnOrder{c}}, o.Amount)
		case "p0838":
			return d.hP0838.OnHit(P0838HitContext{fwOnOrder{c}}, o.Amount)
		case "p0839":
			return d.hP0839.OnHit(P0839HitContext{fwOnOrder{c}}, o.Amount)
		case "p0840":
			return d.hP0840.OnHit(P0840HitContext{fwOnOrder{c}}, o.Amount)
		case "p0841":
			return d.hP0841.OnHit(P0841HitContext{fwOnOrder{c}}, o.Amount)
		case "p0842":
			return d.hP0842.OnHit(P0842HitContext{fwOnOrder{c}}, o.Amount)
		case "p0843":
			return d.hP0843.OnHit(P0843HitContext{fwOnOrder{c}}, o.Amount)
		case "p0844":
			return d.hP0844.OnHit(P0844HitContext{fwOnOrder{c}}, o.Amount)
		case "p0845":
			return d.hP0845.OnHit(P0845HitContext{fwOnOrder{c}}, o.Amount)
		case "p0846":
			return d.hP0846.OnHit(P0846HitContext{fwOnOrder{c}}, o.Amount)
		case "p0847":
			return d.hP0847.OnHit(P0847HitContext{fwOnOrder{c}}, o.Amount)
		case "p0848":
			return d.hP0848.OnHit(P0848HitContext{fwOnOrder{c}}, o.Amount)
		case "p0849":
			return d.hP0849.OnHit(P0849HitContext{fwOnOrder{c}}, o.Amount)
		case "p0850":
			return d.hP0850.OnHit(P0850HitContext{fwOnOrder{c}}, o.Amount)
		case "p0851":
			return d.hP0851.OnHit(P0851HitContext{fwOnOrder{c}}, o.Amount)
		case "p0852":
			return d.hP0852.OnHit(P0852HitContext{fwOnOrder{c}}, o.Amount)
		case "p0853":
			return d.hP0853.OnHit(P0853HitContext{fwOnOrder{c}}, o.Amount)
		case "p0854":
			return d.hP0854.OnHit(P0854HitContext{fwOnOrder{c}}, o.Amount)
		case "p0855":
			return d.hP0855.OnHit(P0855HitContext{fwOnOrder{c}}, o.Amount)
		case "p0856":
			return d.hP0856.OnHit(P0856HitContext{fwOnOrder{c}}, o.Amount)
		case "p0857":
			return d.hP0857.OnHit(P0857HitContext{fwOnOrder{c}}, o.Amount)
		case "p0858":
			return d.hP0858.OnHit(P0858HitContext{fwOnOrder{c}}, o.Amount)
		case "p0859":
			return d.hP0859.OnHit(P0859HitContext{fwOnOrder{c}}, o.Amount)
		case "p0860":
			return d.hP0860.OnHit(P0860HitContext{fwOnOrder{c}}, o.Amount)
		case "p0861":
			return d.hP0861.OnHit(P0861HitContext{fwOnOrder{c}}, o.Amount)
		case "p0862":
			return d.hP0862.OnHit(P0862HitContext{fwOnOrder{c}}, o.Amount)
		case "p0863":
			return d.hP0863.OnHit(P0863HitContext{fwOnOrder{c}}, o.Amount)
		case "p0864":
			return d.hP0864.OnHit(P0864HitContext{fwOnOrder{c}}, o.Amount)
		case "p0865":
			return d.hP0865.OnHit(P0865HitContext{fwOnOrder{c}}, o.Amount)
		case "p0866":
			return d.hP0866.OnHit(P0866HitContext{fwOnOrder{c}}, o.Amount)
		case "p0867":
			return d.hP0867.OnHit(P0867HitContext{fwOnOrder{c}}, o.Amount)
		case "p0868":
			return d.hP0868.OnHit(P0868HitContext{fwOnOrder{c}}, o.Amount)
		case "p0869":
			return d.hP0869.OnHit(P0869HitContext{fwOnOrder{c}}, o.Amount)
		case "p0870":
			return d.hP0870.OnHit(P0870HitContext{fwOnOrder{c}}, o.Amount)
		case "p0871":
			return d.hP0871.OnHit(P0871HitContext{fwOnOrder{c}}, o.Amount)
		case "p0872":
			return d.hP0872.OnHit(P0872HitContext{fwOnOrder{c}}, o.Amount)
		case "p0873":
			return d.hP0873.OnHit(P0873HitContext{fwOnOrder{c}}, o.Amount)
		case "p0874":
			return d.hP0874.OnHit(P0874HitContext{fwOnOrder{c}}, o.Amount)
		case "p0875":
			return d.hP0875.OnHit(P0875HitContext{fwOnOrder{c}}, o.Amount)
		case "p0876":
			return d.hP0876.OnHit(P0876HitContext{fwOnOrder{c}}, o.Amount)
		case "p0877":
			return d.hP0877.OnHit(P0877HitContext{fwOnOrder{c}}, o.Amount)
		case "p0878":
			return d.hP0878.OnHit(P0878HitContext{fwOnOrder{c}}, o.Amount)
		case "p0879":
			return d.hP0879.OnHit(P0879HitContext{fwOnOrder{c}}, o.Amount)
		case "p0880":
			return d.hP0880.OnHit(P0880HitContext{fwOnOrder{c}}, o.Amount)
		case "p0881":
			return d.hP0881.OnHit(P0881HitContext{fwOnOrder{c}}, o.Amount)
		case "p0882":
			return d.hP0882.OnHit(P0882HitContext{fwOnOrder{c}}, o.Amount)
		case "p0883":
			return d.hP0883.OnHit(P0883HitContext{fwOnOrder{c}}, o.Amount)
		case "p0884":
			return d.hP0884.OnHit(P0884HitContext{fwOnOrder{c}}, o.Amount)
		case "p0885":
			return d.hP0885.OnHit(P0885HitContext{fwOnOrder{c}}, o.Amount)
		case "p0886":
			return d.hP0886.OnHit(P0886HitContext{fwOnOrder{c}}, o.Amount)
		case "p0887":
			return d.hP0887.OnHit(P0887HitContext{fwOnOrder{c}}, o.Amount)
		case "p0888":
			return d.hP0888.OnHit(P0888HitContext{fwOnOrder{c}}, o.Amount)
		case "p0889":
			return d.hP0889.OnHit(P0889HitContext{fwOnOrder{c}}, o.Amount)
		case "p0890":
			return d.hP0890.OnHit(P0890HitContext{fwOnOrder{c}}, o.Amount)
		case "p0891":
			return d.hP0891.OnHit(P0891HitContext{fwOnOrder{c}}, o.Amount)
		case "p0892":
			return d.hP0892.OnHit(P0892HitContext{fwOnOrder{c}}, o.Amount)
		case "p0893":
			return d.hP0893.OnHit(P0893HitContext{fwOnOrder{c}}, o.Amount)
		case "p0894":
			return d.hP0894.OnHit(P0894HitContext{fwOnOrder{c}}, o.Amount)
		case "p0895":
			return d.hP0895.OnHit(P0895HitContext{fwOnOrder{c}}, o.Amount)
		case "p0896":
			return d.hP0896.OnHit(P0896HitContext{fwOnOrder{c}}, o.Amount)
		case "p0897":
			return d.hP0897.OnHit(P0897HitContext{fwOnOrder{c}}, o.Amount)
		case "p0898":
			return d.hP0898.OnHit(P0898HitContext{fwOnOrder{c}}, o.Amount)
		case "p0899":
			return d.hP0899.OnHit(P0899HitContext{fwOnOrder{c}}, o.Amount)
		case "p0900":
			return d.hP0900.OnHit(P0900HitContext{fwOnOrder{c}}, o.Amount)
		case "p0901":
			return d.hP0901.OnHit(P0901HitContext{fwOnOrder{c}}, o.Amount)
		case "p0902":
			return d.hP0902.OnHit(P0902HitContext{fwOnOrder{c}}, o.Amount)
		case "p0903":
			return d.hP0903.OnHit(P0903HitContext{fwOnOrder{c}}, o.Amount)
		case "p0904":
			return d.hP0904.OnHit(P0904HitContext{fwOnOrder{c}}, o.Amount)
		case "p0905":
			return d.hP0905.OnHit(P0905HitContext{fwOnOrder{c}}, o.Amount)
		case "p0906":
			return d.hP0906.OnHit(P0906HitContext{fwOnOrder{c}}, o.Amount)
		case "p0907":
			return d.hP0907.OnHit(P0907HitContext{fwOnOrder{c}}, o.Amount)
		case "p0908":
			return d.hP0908.OnHit(P0908HitContext{fwOnOrder{c}}, o.Amount)
		case "p0909":
			return d.hP0909.OnHit(P0909HitContext{fwOnOrder{c}}, o.Amount)
		case "p0910":
			return d.hP0910.OnHit(P0910HitContext{fwOnOrder{c}}, o.Amount)
		case "p0911":
			return d.hP0911.OnHit(P0911HitContext{fwOnOrder{c}}, o.Amount)
		case "p0912":
			return d.hP0912.OnHit(P0912HitContext{fwOnOrder{c}}, o.Amount)
		case "p0913":
			return d.hP0913.OnHit(P0913HitContext{fwOnOrder{c}}, o.Amount)
		case "p0914":
			return d.hP0914.OnHit(P0914HitContext{fwOnOrder{c}}, o.Amount)
		case "p0915":
			return d.hP0915.OnHit(P0915HitContext{fwOnOrder{c}}, o.Amount)
		case "p0916":
			return d.hP0916.OnHit(P0916HitContext{fwOnOrder{c}}, o.Amount)
		case "p0917":
			return d.hP0917.OnHit(P0917HitContext{fwOnOrder{c}}, o.Amount)
		case "p0918":
			return d.hP0918.OnHit(P0918HitContext{fwOnOrder{c}}, o.Amount)
		case "p0919":
			return d.hP0919.OnHit(P0919HitContext{fwOnOrder{c}}, o.Amount)
		case "p0920":
			return d.hP0920.OnHit(P0920HitContext{fwOnOrder{c}}, o.Amount)
		case "p0921":
			return d.hP0921.OnHit(P0921HitContext{fwOnOrder{c}}, o.Amount)
		case "p0922":
			return d.hP0922.OnHit(P0922HitContext{fwOnOrder{c}}, o.Amount)
		case "p0923":
			return d.hP0923.OnHit(P0923HitContext{fwOnOrder{c}}, o.Amount)
		case "p0924":
			return d.hP0924.OnHit(P0924HitContext{fwOnOrder{c}}, o.Amount)
		case "p0925":
			return d.hP0925.OnHit(P0925HitContext{fwOnOrder{c}}, o.Amount)
		case "p0926":
			return d.hP0926.OnHit(P0926HitContext{fwOnOrder{c}}, o.Amount)
		case "p0927":
			return d.hP0927.OnHit(P0927HitContext{fwOnOrder{c}}, o.Amount)
		case "p0928":
			return d.hP0928.OnHit(P0928HitContext{fwOnOrder{c}}, o.Amount)
		case "p0929":
			return d.hP0929.OnHit(P0929HitContext{fwOnOrder{c}}, o.Amount)
		case "p0930":
			return d.hP0930.OnHit(P0930HitContext{fwOnOrder{c}}, o.Amount)
		case "p0931":
			return d.hP0931.OnHit(P0931HitContext{fwOnOrder{c}}, o.Amount)
		case "p0932":
			return d.hP0932.OnHit(P0932HitContext{fwOnOrder{c}}, o.Amount)
		case "p0933":
			return d.hP0933.OnHit(P0933HitContext{fwOnOrder{c}}, o.Amount)
		case "p0934":
			return d.hP0934.OnHit(P0934HitContext{fwOnOrder{c}}, o.Amount)
		case "p0935":
			return d.hP0935.OnHit(P0935HitContext{fwOnOrder{c}}, o.Amount)
		case "p0936":
			return d.hP0936.OnHit(P0936HitContext{fwOnOrder{c}}, o.Amount)
		case "p0937":
			return d.hP0937.OnHit(P0937HitContext{fwOnOrder{c}}, o.Amount)
		case "p0938":
			return d.hP0938.OnHit(P0938HitContext{fwOnOrder{c}}, o.Amount)
		case "p0939":
			return d.hP0939.OnHit(P0939HitContext{fwOnOrder{c}}, o.Amount)
		case "p0940":
			return d.hP0940.OnHit(P0940HitContext{fwOnOrder{c}}, o.Amount)
		case "p0941":
			return d.hP0941.OnHit(P0941HitContext{fwOnOrder{c}}, o.Amount)
		case "p0942":
			return d.hP0942.OnHit(P0942HitContext{fwOnOrder{c}}, o.Amount)
		case "p0943":
			return d.hP0943.OnHit(P0943HitContext{fwOnOrder{c}}, o.Amount)
		case "p0944":
			return d.hP0944.OnHit(P0944HitContext{fwOnOrder{c}}, o.Amount)
		case "p0945":
			return d.hP0945.OnHit(P0945HitContext{fwOnOrder{c}}, o.Amount)
		case "p0946":
			return d.hP0946.OnHit(P0946HitContext{fwOnOrder{c}}, o.Amount)
		case "p0947":
			return d.hP0947.OnHit(P0947HitContext{fwOnOrder{c}}, o.Amount)
		case "p0948":
			return d.hP0948.OnHit(P0948HitContext{fwOnOrder{c}}, o.Amount)
		case "p0949":
			return d.hP0949.OnHit(P0949HitContext{fwOnOrder{c}}, o.Amount)
		case "p0950":
			return d.hP0950.OnHit(P0950HitContext{fwOnOrder{c}}, o.Amount)
		case "p0951":
			return d.hP0951.OnHit(P0951HitContext{fwOnOrder{c}}, o.Amount)
		case "p0952":
			return d.hP0952.OnHit(P0952HitContext{fwOnOrder{c}}, o.Amount)
		case "p0953":
			return d.hP0953.OnHit(P0953HitContext{fwOnOrder{c}}, o.Amount)
		case "p0954":
			return d.hP0954.OnHit(P0954HitContext{fwOnOrder{c}}, o.Amount)
		case "p0955":
			return d.hP0955.OnHit(P0955HitContext{fwOnOrder{c}}, o.Amount)
		case "p0956":
			return d.hP0956.OnHit(P0956HitContext{fwOnOrder{c}}, o.Amount)
		case "p0957":
			return d.hP0957.OnHit(P0957HitContext{fwOnOrder{c}}, o.Amount)
		case "p0958":
			return d.hP0958.OnHit(P0958HitContext{fwOnOrder{c}}, o.Amount)
		case "p0959":
			return d.hP0959.OnHit(P0959HitContext{fwOnOrder{c}}, o.Amount)
		case "p0960":
			return d.hP0960.OnHit(P0960HitContext{fwOnOrder{c}}, o.Amount)
		case "p0961":
			return d.hP0961.OnHit(P0961HitContext{fwOnOrder{c}}, o.Amount)
		case "p0962":
			return d.hP0962.OnHit(P0962HitContext{fwOnOrder{c}}, o.Amount)
		case "p0963":
			return d.hP0963.OnHit(P0963HitContext{fwOnOrder{c}}, o.Amount)
		case "p0964":
			return d.hP0964.OnHit(P0964HitContext{fwOnOrder{c}}, o.Amount)
		case "p0965":
			return d.hP0965.OnHit(P0965HitContext{fwOnOrder{c}}, o.Amount)
		case "p0966":
			return d.hP0966.OnHit(P0966HitContext{fwOnOrder{c}}, o.Amount)
		case "p0967":
			return d.hP0967.OnHit(P0967HitContext{fwOnOrder{c}}, o.Amount)
		case "p0968":
			return d.hP0968.OnHit(P0968HitContext{fwOnOrder{c}}, o.Amount)
		case "p0969":
			return d.hP0969.OnHit(P0969HitContext{fwOnOrder{c}}, o.Amount)
		case "p0970":
			return d.hP0970.OnHit(P0970HitContext{fwOnOrder{c}}, o.Amount)
		case "p0971":
			return d.hP0971.OnHit(P0971HitContext{fwOnOrder{c}}, o.Amount)
		case "p0972":
			return d.hP0972.OnHit(P0972HitContext{fwOnOrder{c}}, o.Amount)
		case "p0973":
			return d.hP0973.OnHit(P0973HitContext{fwOnOrder{c}}, o.Amount)
		case "p0974":
			return d.hP0974.OnHit(P0974HitContext{fwOnOrder{c}}, o.Amount)
		case "p0975":
			return d.hP0975.OnHit(P0975HitContext{fwOnOrder{c}}, o.Amount)
		case "p0976":
			return d.hP0976.OnHit(P0976HitContext{fwOnOrder{c}}, o.Amount)
		case "p0977":
			return d.hP0977.OnHit(P0977HitContext{fwOnOrder{c}}, o.Amount)
		case "p0978":
			return d.hP0978.OnHit(P0978HitContext{fwOnOrder{c}}, o.Amount)
		case "p0979":
			return d.hP0979.OnHit(P0979HitContext{fwOnOrder{c}}, o.Amount)
		case "p0980":
			return d.hP0980.OnHit(P0980HitContext{fwOnOrder{c}}, o.Amount)
		case "p0981":
			return d.hP0981.OnHit(P0981HitContext{fwOnOrder{c}}, o.Amount)
		case "p0982":
			return d.hP0982.OnHit(P0982HitContext{fwOnOrder{c}}, o.Amount)
		case "p0983":
			return d.hP0983.OnHit(P0983HitContext{fwOnOrder{c}}, o.Amount)
		case "p0984":
			return d.hP0984.OnHit(P0984HitContext{fwOnOrder{c}}, o.Amount)
		case "p0985":
			return d.hP0985.OnHit(P0985HitContext{fwOnOrder{c}}, o.Amount)
		case "p0986":
			return d.hP0986.OnHit(P0986HitContext{fwOnOrder{c}}, o.Amount)
		case "p0987":
			return d.hP0987.OnHit(P0987HitContext{fwOnOrder{c}}, o.Amount)
		case "p0988":
			return d.hP0988.OnHit(P0988HitContext{fwOnOrder{c}}, o.Amount)
		case "p0989":
			return d.hP0989.OnHit(P0989HitContext{fwOnOrder{c}}, o.Amount)
		case "p0990":
			return d.hP0990.OnHit(P0990HitContext{fwOnOrder{c}}, o.Amount)
		case "p0991":
			return d.hP0991.OnHit(P0991HitContext{fwOnOrder{c}}, o.Amount)
		case "p0992":
			return d.hP0992.OnHit(P0992HitContext{fwOnOrder{c}}, o.Amount)
		case "p0993":
			return d.hP0993.OnHit(P0993HitContext{fwOnOrder{c}}, o.Amount)
		case "p0994":
			return d.hP0994.OnHit(P0994HitContext{fwOnOrder{c}}, o.Amount)
		case "p0995":
			return d.hP0995.OnHit(P0995HitContext{fwOnOrder{c}}, o.Amount)
		case "p0996":
			return d.hP0996.OnHit(P0996HitContext{fwOnOrder{c}}, o.Amount)
		case "p0997":
			return d.hP0997.OnHit(P0997HitContext{fwOnOrder{c}}, o.Amount)
		case "p0998":
			return d.hP0998.OnHit(P0998HitContext{fwOnOrder{c}}, o.Amount)
		case "p0999":
			return d.hP0999.OnHit(P0999HitContext{fwOnOrder{c}}, o.Amount)
		}
	}
	return nil
}
